package org.example.fmb.authoring;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.example.fmb.authoring.VersionEvent.DocumentType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Diagnoses as the workflow handles them: a draft holds a {@link DiagnosisContent}, checked by the code server. */
@Component
class DiagnosisDocuments implements DocumentKind<DiagnosisVersion, DiagnosisContent, DiagnosisVersionDetails> {

    private final DiagnosisRepository diagnoses;
    private final DiagnosisVersionRepository versions;
    private final DraftValidationService validation;
    private final CodeLists codeLists;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    DiagnosisDocuments(
            DiagnosisRepository diagnoses,
            DiagnosisVersionRepository versions,
            DraftValidationService validation,
            CodeLists codeLists,
            JdbcTemplate jdbc,
            Clock clock) {
        this.diagnoses = diagnoses;
        this.versions = versions;
        this.validation = validation;
        this.codeLists = codeLists;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public DocumentType type() {
        return DocumentType.DIAGNOSIS;
    }

    @Override
    public String name(long diagnosisId) {
        return "diagnosis " + diagnosisId;
    }

    @Override
    public List<DiagnosisVersion> versions(long diagnosisId) {
        return versions.findByDiagnosisIdOrderByVersionNumberDesc(diagnosisId);
    }

    @Override
    public Optional<DiagnosisVersion> version(long diagnosisId, int versionNumber) {
        return versions.findByDiagnosisIdAndVersionNumber(diagnosisId, versionNumber);
    }

    @Override
    public DiagnosisVersion save(DiagnosisVersion version) {
        return versions.saveAndFlush(version);
    }

    @Override
    public DiagnosisVersion draft(long diagnosisId, int versionNumber, DiagnosisVersion source, String author) {
        return DiagnosisVersion.draft(
                diagnosisId,
                versionNumber,
                source.getVersionNumber(),
                source.content(),
                author,
                this::newTypicalCaseId,
                clock);
    }

    @Override
    public DiagnosisVersion create(Long requestedId, DiagnosisContent content, String author) {
        var id = requestedId != null
                ? requestedId
                : jdbc.queryForObject("select greatest(coalesce(max(id), 0) + 1, 10000) from diagnosis", Long.class);
        if (diagnoses.existsById(id)) {
            throw new WorkflowException("A diagnosis with id " + id + " exists already.");
        }
        diagnoses.save(new Diagnosis(id, clock));
        var fresh = normalize(content);
        var withoutIds = fresh.typicalCases().stream()
                .map(tc -> tc.withSystemFields(null, List.of(), null, null))
                .toList();
        return save(DiagnosisVersion.draft(
                id,
                1,
                null,
                fresh.withKeywords(List.of()).withTypicalCases(withoutIds),
                author,
                this::newTypicalCaseId,
                clock));
    }

    /**
     * What even a draft must have to be stored: a title, codes that have a code, allowed markup, web links, and a
     * disease group and selection criteria from FMB's lists ({@link CodeLists}).
     */
    @Override
    public List<FieldMessage> storable(DiagnosisContent c) {
        var errors = new ArrayList<FieldMessage>();
        if (c.title() == null || c.title().isBlank()) {
            errors.add(new FieldMessage("title", "is required"));
        }
        var group = c.diseaseGroup();
        if (group != null
                && group.kod() != null
                && !group.kod().isBlank()
                && codeLists.find(CodeLists.Kind.DISEASE_GROUP, group.kod()).isEmpty()) {
            errors.add(new FieldMessage("diseaseGroup", codeLists.notListed(CodeLists.Kind.DISEASE_GROUP, group)));
        }
        errors.addAll(MarkupPolicy.problems("insuranceMedicalInformation", c.insuranceMedicalInformation()));
        errors.addAll(MarkupPolicy.problems("symptomsPrognosisTreatment", c.symptomsPrognosisTreatment()));
        errors.addAll(MarkupPolicy.problems("rehabilitationInformation", c.rehabilitationInformation()));
        codeErrors(errors, "icd10Codes", c.icd10Codes());
        codeErrors(errors, "functionalImpairmentCentral", c.functionalImpairmentCentral());
        codeErrors(errors, "functionalImpairmentComplementary", c.functionalImpairmentComplementary());
        codeErrors(errors, "activityLimitationCentral", c.activityLimitationCentral());
        codeErrors(errors, "activityLimitationComplementary", c.activityLimitationComplementary());
        for (int i = 0; i < c.references().size(); i++) {
            var uri = c.references().get(i).uri();
            if (uri != null && !Reference.isWebLink(uri)) {
                errors.add(new FieldMessage("references[" + i + "].uri", "must be an http:// or https:// address"));
            }
        }
        for (int i = 0; i < c.typicalCases().size(); i++) {
            var tc = c.typicalCases().get(i);
            if (tc.sentence() == null || tc.sentence().isBlank()) {
                errors.add(new FieldMessage("typicalCases[" + i + "].sentence", "is required"));
            }
            codeErrors(errors, "typicalCases[" + i + "].icd10Codes", tc.icd10Codes());
            errors.addAll(codeLists.problems("typicalCases[" + i + "].criteria", tc.criteria()));
        }
        return errors;
    }

    @Override
    public void revise(DiagnosisVersion draft, DiagnosisContent content) {
        draft.revise(normalize(content), this::newTypicalCaseId, clock);
    }

    @Override
    public DraftValidationService.Report readiness(DiagnosisVersion draft) {
        return validation.validate(draft.content());
    }

    @Override
    public DiagnosisVersion retirementProposal(
            long diagnosisId, int versionNumber, DiagnosisVersion published, LocalDate from, String actor) {
        return DiagnosisVersion.retirementProposal(diagnosisId, versionNumber, published, from, actor, clock);
    }

    @Override
    public DiagnosisVersionDetails details(
            DiagnosisVersion version, List<VersionEventDetails> events, List<String> warnings) {
        return DiagnosisVersionDetails.of(version, events, warnings);
    }

    /** The content as a save would store it (codes completed from their lists, markup sanitised), not stored. */
    DiagnosisContent asStored(DiagnosisContent content) {
        return normalize(content);
    }

    /** Code objects get their system from the list they are in; a typical case reuses its diagnosis' objects. */
    private DiagnosisContent normalize(DiagnosisContent c) {
        Function<Code, Code> icd = code -> Code.icd10(Code.normalized(code.kod()), code.beskrivning());
        var icd10 = c.icd10Codes().stream().map(icd).toList();
        Function<Code, Code> shared = code -> icd10.stream()
                .filter(d -> d.kod().equals(Code.normalized(code.kod())))
                .findFirst()
                .orElse(icd.apply(code));
        Function<Code, Code> icf =
                code -> Code.icf(code.kod() == null ? null : code.kod().trim(), code.beskrivning());
        var cases = c.typicalCases().stream()
                .map(tc -> tc.withIcd10Codes(
                                tc.icd10Codes().stream().map(shared).toList())
                        .withCriteria(codeLists.normalized(tc.criteria())))
                .toList();
        var group = c.diseaseGroup() == null
                        || c.diseaseGroup().kod() == null
                        || c.diseaseGroup().kod().isBlank()
                ? null
                : codeLists
                        .find(CodeLists.Kind.DISEASE_GROUP, c.diseaseGroup().kod())
                        .orElse(c.diseaseGroup());
        Function<List<Code>, List<Code>> icfList =
                list -> list.stream().map(icf).toList();
        return c.withCodes(group, icd10)
                .withMarkup(
                        MarkupPolicy.sanitize(c.insuranceMedicalInformation()),
                        MarkupPolicy.sanitize(c.symptomsPrognosisTreatment()),
                        MarkupPolicy.sanitize(c.rehabilitationInformation()))
                .withFunctionalImpairment(
                        c.functionalImpairment(),
                        icfList.apply(c.functionalImpairmentCentral()),
                        icfList.apply(c.functionalImpairmentComplementary()))
                .withActivityLimitation(
                        c.activityLimitation(),
                        icfList.apply(c.activityLimitationCentral()),
                        icfList.apply(c.activityLimitationComplementary()))
                .withTypicalCases(cases);
    }

    private static void codeErrors(List<FieldMessage> errors, String field, List<Code> codes) {
        for (int i = 0; i < codes.size(); i++) {
            if (codes.get(i).kod() == null || codes.get(i).kod().isBlank()) {
                errors.add(new FieldMessage(field + "[" + i + "].kod", "is required"));
            }
        }
    }

    private long newTypicalCaseId() {
        return jdbc.queryForObject("select nextval('typical_case_fmb_id')", Long.class);
    }
}
