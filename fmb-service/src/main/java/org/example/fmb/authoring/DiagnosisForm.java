package org.example.fmb.authoring;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.stream.Stream;

/**
 * The editor page's form for a diagnosis draft, bound by Spring MVC. Its fields are named as in
 * {@link DiagnosisContent}, so an error the workflow finds in a field is shown beside that field. Rows left empty
 * (the blank row offered for a new code, reference or typical case, or a row an editor emptied) are dropped.
 */
record DiagnosisForm(
        @NotNull Long lockVersion,
        @NotBlank(message = "krävs") @Size(max = 500) String title,
        @Size(max = 50) String diseaseGroup,
        @Valid List<CodeRow> icd10Codes,
        @Size(max = 200_000) String insuranceMedicalInformation,
        @Size(max = 200_000) String symptomsPrognosisTreatment,
        @Size(max = 200_000) String rehabilitationInformation,
        @Size(max = 200_000) String functionalImpairment,
        @Valid List<CodeRow> functionalImpairmentCentral,
        @Valid List<CodeRow> functionalImpairmentComplementary,
        @Size(max = 200_000) String activityLimitation,
        @Valid List<CodeRow> activityLimitationCentral,
        @Valid List<CodeRow> activityLimitationComplementary,
        @Valid List<ReferenceRow> references,
        @Valid List<TypicalCaseRow> typicalCases,
        @Size(max = 2000) String comment) {

    DiagnosisForm {
        icd10Codes = orEmpty(icd10Codes);
        functionalImpairmentCentral = orEmpty(functionalImpairmentCentral);
        functionalImpairmentComplementary = orEmpty(functionalImpairmentComplementary);
        activityLimitationCentral = orEmpty(activityLimitationCentral);
        activityLimitationComplementary = orEmpty(activityLimitationComplementary);
        references = orEmpty(references);
        typicalCases = orEmpty(typicalCases);
    }

    /** A code and its text; the text is looked up in the code server as the editor types the code. */
    record CodeRow(
            @Size(max = 20) @Pattern(regexp = "[A-Za-z0-9.\\- ]*", message = "endast bokstäver, siffror och punkt")
            String kod,

            @Size(max = 500) String beskrivning) {

        static CodeRow of(Code code) {
            return new CodeRow(code.kod(), code.beskrivning());
        }

        boolean isEmpty() {
            return blank(kod) && blank(beskrivning);
        }

        Code toCode(BiFunction<String, String, Code> system) {
            return system.apply(trimmed(kod), trimmed(beskrivning));
        }
    }

    /** A reference: its text and, optionally, a web address. */
    record ReferenceRow(
            @Size(max = 2000) String text,

            @Size(max = 2000)
            @Pattern(
                    regexp = "(?i)\\s*(https?://\\S+)?\\s*",
                    message = "måste vara en webbadress (http:// eller https://)")
            String uri) {

        static ReferenceRow of(Reference reference) {
            return new ReferenceRow(reference.text(), reference.uri());
        }

        boolean isEmpty() {
            return blank(text) && blank(uri);
        }
    }

    /**
     * A typical case as the page edits it: sentence, condition sentence, description, its ICD-10-SE codes, selection
     * criteria, recommendation and the recommended maximum (a whole number of days, weeks or months). {@code fmbId}
     * says which case it is (null for a new one, which gets the diagnosis' codes when none are given); a row whose
     * sentence is emptied is removed. Criteria the form does not send are kept from the draft.
     */
    record TypicalCaseRow(
            Long fmbId,
            @Size(max = 2000) String sentence,
            @Size(max = 2000) String conditionSentence,
            @Size(max = 2000) String description,
            @Valid List<CodeRow> icd10Codes,
            @Valid CriteriaRows criteria,
            @Size(max = 2000) String recommendation,

            @Pattern(regexp = "\\s*\\d{0,4}\\s*", message = "ange ett heltal, 0 eller mer")
            String maxValue,

            DurationUnit maxUnit,
            Degree maxDegree) {

        TypicalCaseRow {
            icd10Codes = orEmpty(icd10Codes);
        }

        static TypicalCaseRow of(TypicalCaseContent tc) {
            return new TypicalCaseRow(
                    tc.fmbId(),
                    tc.sentence(),
                    tc.conditionSentence(),
                    tc.description(),
                    codeRows(tc.icd10Codes()),
                    CriteriaRows.of(tc.criteria()),
                    tc.recommendation(),
                    tc.maxValue() == null ? null : tc.maxValue().toString(),
                    tc.maxUnit(),
                    tc.maxDegree());
        }

        static TypicalCaseRow empty() {
            return new TypicalCaseRow(
                    null,
                    null,
                    null,
                    null,
                    List.of(new CodeRow(null, null)),
                    CriteriaRows.of(Criteria.none()),
                    null,
                    null,
                    null,
                    null);
        }

        boolean isEmpty() {
            return blank(sentence);
        }
    }

    /**
     * A typical case's selection criteria as rows: each row of severity, course, workload and complicating factors is
     * one group of codes chosen from FMB's list ({@link CodeLists}), a measure is its codes and status, a comorbidity
     * its heading and ICD-10-SE codes. Empty rows and empty choices are dropped.
     */
    record CriteriaRows(
            @Valid List<GroupRow> severity,
            @Valid List<GroupRow> course,
            @Valid List<MeasureRow> measures,
            @Valid List<GroupRow> workload,
            @Valid List<GroupRow> complicatingFactors,
            @Valid List<ComorbidityRow> comorbidity) {

        CriteriaRows {
            severity = orEmpty(severity);
            course = orEmpty(course);
            measures = orEmpty(measures);
            workload = orEmpty(workload);
            complicatingFactors = orEmpty(complicatingFactors);
            comorbidity = orEmpty(comorbidity);
        }

        /** The rows of stored criteria, each list and each group with an empty choice at the end for adding one. */
        static CriteriaRows of(Criteria c) {
            return new CriteriaRows(
                    GroupRow.rows(c.severity()),
                    GroupRow.rows(c.course()),
                    withEmptyRow(
                            c.measures().stream()
                                    .map(m -> new MeasureRow(
                                            ListedCode.choices(m.codes()),
                                            m.status() == null
                                                    ? null
                                                    : m.status().kod())),
                            new MeasureRow(ListedCode.choices(List.of()), null)),
                    GroupRow.rows(c.workload()),
                    GroupRow.rows(c.complicatingFactors()),
                    withEmptyRow(
                            c.comorbidity().stream()
                                    .flatMap(List::stream)
                                    .map(item -> new ComorbidityRow(item.heading(), codeRows(item.icd10Codes()))),
                            new ComorbidityRow(null, List.of(new CodeRow(null, null)))));
        }

        /** The criteria as the API holds them; a code is sent by its code only (the workflow adds the rest). */
        Criteria toCriteria() {
            return new Criteria(
                    GroupRow.groups(severity),
                    GroupRow.groups(course),
                    measures.stream()
                            .filter(m -> !m.isEmpty())
                            .map(m -> new Criteria.Measure(
                                    ListedCode.codes(m.codes()), blank(m.status()) ? null : listed(m.status())))
                            .toList(),
                    GroupRow.groups(workload),
                    GroupRow.groups(complicatingFactors),
                    comorbidity.stream()
                            .filter(c -> !c.isEmpty())
                            .map(c -> List.of(
                                    new Criteria.Comorbidity(trimmed(c.heading()), codes(c.icd10Codes(), Code::icd10))))
                            .toList());
        }
    }

    /** A code chosen from one of FMB's lists, by its code. */
    record ListedCode(@Size(max = 50) String kod) {

        static List<ListedCode> choices(List<Code> codes) {
            return withEmptyRow(codes.stream().map(c -> new ListedCode(c.kod())), new ListedCode(null));
        }

        static List<Code> codes(List<ListedCode> choices) {
            return choices.stream()
                    .filter(c -> !blank(c.kod()))
                    .map(c -> listed(c.kod()))
                    .toList();
        }
    }

    /** One group of a criterion: the codes that together describe it. */
    record GroupRow(@Valid List<ListedCode> codes) {

        GroupRow {
            codes = orEmpty(codes);
        }

        static List<GroupRow> rows(List<List<Code>> groups) {
            return withEmptyRow(
                    groups.stream().map(g -> new GroupRow(ListedCode.choices(g))),
                    new GroupRow(ListedCode.choices(List.of())));
        }

        static List<List<Code>> groups(List<GroupRow> rows) {
            return rows.stream()
                    .map(r -> ListedCode.codes(r.codes()))
                    .filter(g -> !g.isEmpty())
                    .toList();
        }
    }

    /** A measure (åtgärd): its codes and its status (performed, ongoing). */
    record MeasureRow(
            @Valid List<ListedCode> codes, @Size(max = 50) String status) {

        MeasureRow {
            codes = orEmpty(codes);
        }

        boolean isEmpty() {
            return ListedCode.codes(codes).isEmpty() && blank(status);
        }
    }

    /** A comorbidity (samsjuklighet): its heading and ICD-10-SE codes. */
    record ComorbidityRow(
            @Size(max = 500) String heading, @Valid List<CodeRow> icd10Codes) {

        ComorbidityRow {
            icd10Codes = orEmpty(icd10Codes);
        }

        boolean isEmpty() {
            return blank(heading) && codes(icd10Codes, Code::icd10).isEmpty();
        }
    }

    /**
     * The form field for a field the workflow names by its path in the API's JSON: a criterion's group
     * {@code workload[1][0]} is the row {@code workload[1].codes[0].kod}, a comorbidity {@code comorbidity[2][0]} the
     * row {@code comorbidity[2]}.
     */
    static String formField(String apiField) {
        return apiField.replaceAll(
                        "(\\.(?:severity|course|workload|complicatingFactors)\\[\\d+])\\[(\\d+)]$", "$1.codes[$2].kod")
                .replaceAll("(\\.measures\\[\\d+]\\.codes)\\[(\\d+)]$", "$1[$2].kod")
                .replaceAll("(\\.comorbidity\\[\\d+])\\[\\d+]", "$1");
    }

    /** This form as typed, to be saved over the version now stored (lock version {@code lock}). */
    DiagnosisForm withLockVersion(long lock) {
        return new DiagnosisForm(
                lock,
                title,
                diseaseGroup,
                icd10Codes,
                insuranceMedicalInformation,
                symptomsPrognosisTreatment,
                rehabilitationInformation,
                functionalImpairment,
                functionalImpairmentCentral,
                functionalImpairmentComplementary,
                activityLimitation,
                activityLimitationCentral,
                activityLimitationComplementary,
                references,
                typicalCases,
                comment);
    }

    /** The form for a stored version, with an empty row at the end of each list for adding one. */
    static DiagnosisForm of(DiagnosisVersionDetails v) {
        var c = v.content();
        return new DiagnosisForm(
                v.lockVersion(),
                c.title(),
                c.diseaseGroup() == null ? null : c.diseaseGroup().kod(),
                codeRows(c.icd10Codes()),
                c.insuranceMedicalInformation(),
                c.symptomsPrognosisTreatment(),
                c.rehabilitationInformation(),
                c.functionalImpairment(),
                codeRows(c.functionalImpairmentCentral()),
                codeRows(c.functionalImpairmentComplementary()),
                c.activityLimitation(),
                codeRows(c.activityLimitationCentral()),
                codeRows(c.activityLimitationComplementary()),
                withEmptyRow(c.references().stream().map(ReferenceRow::of), new ReferenceRow(null, null)),
                withEmptyRow(c.typicalCases().stream().map(TypicalCaseRow::of), TypicalCaseRow.empty()),
                null);
    }

    /** The draft with this form applied; what the page does not edit is kept from {@code draft}. */
    DiagnosisContent applyTo(DiagnosisContent draft) {
        var icd10 = codes(icd10Codes, Code::icd10);
        var cases = new ArrayList<TypicalCaseContent>();
        for (var row : typicalCases) {
            if (row.isEmpty()) {
                continue;
            }
            var before = draft.typicalCases().stream()
                    .filter(tc -> row.fmbId() != null && row.fmbId().equals(tc.fmbId()))
                    .findFirst();
            cases.add(new TypicalCaseContent(
                    before.isPresent() ? row.fmbId() : null,
                    row.sentence().trim(),
                    trimmed(row.conditionSentence()),
                    codesOf(row, icd10),
                    row.criteria() == null
                            ? before.map(TypicalCaseContent::criteria).orElse(null)
                            : row.criteria().toCriteria(),
                    trimmed(row.recommendation()),
                    blank(row.maxValue())
                            ? null
                            : Integer.valueOf(row.maxValue().trim()),
                    row.maxUnit(),
                    row.maxDegree(),
                    before.map(TypicalCaseContent::keywords).orElse(null),
                    null,
                    null,
                    trimmed(row.description()),
                    before.map(TypicalCaseContent::validFrom).orElse(null)));
        }
        return draft.withTitle(title.trim())
                .withCodes(blank(diseaseGroup) ? null : listed(diseaseGroup), icd10)
                .withMarkup(
                        trimmed(insuranceMedicalInformation),
                        trimmed(symptomsPrognosisTreatment),
                        trimmed(rehabilitationInformation))
                .withFunctionalImpairment(
                        trimmed(functionalImpairment),
                        codes(functionalImpairmentCentral, Code::icf),
                        codes(functionalImpairmentComplementary, Code::icf))
                .withActivityLimitation(
                        trimmed(activityLimitation),
                        codes(activityLimitationCentral, Code::icf),
                        codes(activityLimitationComplementary, Code::icf))
                .withReferences(references.stream()
                        .filter(r -> !r.isEmpty())
                        .map(r -> new Reference(trimmed(r.text()), trimmed(r.uri())))
                        .toList())
                .withTypicalCases(cases);
    }

    /** The codes of a typical case's row; a new case without codes gets those of its diagnosis. */
    private static List<Code> codesOf(TypicalCaseRow row, List<Code> diagnosisCodes) {
        var own = codes(row.icd10Codes(), Code::icd10);
        return own.isEmpty() && row.fmbId() == null ? diagnosisCodes : own;
    }

    /** A code from one of FMB's lists, by its code only; the workflow gives it the list's system and text. */
    private static Code listed(String kod) {
        return new Code(kod.trim(), null, null, null);
    }

    private static List<CodeRow> codeRows(List<Code> codes) {
        return withEmptyRow(codes.stream().map(CodeRow::of), new CodeRow(null, null));
    }

    private static <T> List<T> withEmptyRow(Stream<T> rows, T empty) {
        return Stream.concat(rows, Stream.of(empty)).toList();
    }

    private static List<Code> codes(List<CodeRow> rows, BiFunction<String, String, Code> system) {
        return rows.stream()
                .filter(Objects::nonNull)
                .filter(r -> !r.isEmpty())
                .map(r -> r.toCode(system))
                .toList();
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list.stream().filter(Objects::nonNull).toList();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String trimmed(String value) {
        return blank(value) ? null : value.trim();
    }
}
