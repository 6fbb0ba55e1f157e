package org.example.fmb.authoring;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.example.fmb.authoring.VersionEvent.DocumentType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The editors' workflow for a diagnosis: a new draft version beside the published one, edits with
 * optimistic locking, submission (validated), return with comments, approval by a second person,
 * publication now or on a future date, retirement, history and diffs. Every step is recorded.
 */
@Service
@Transactional(readOnly = true)
public class DiagnosisAuthoringService {

    private final DiagnosisRepository diagnoses;
    private final DiagnosisVersionRepository versions;
    private final VersionEventRepository events;
    private final DraftValidationService validation;
    private final VersionWorkflow workflow;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    DiagnosisAuthoringService(
            DiagnosisRepository diagnoses,
            DiagnosisVersionRepository versions,
            VersionEventRepository events,
            DraftValidationService validation,
            VersionWorkflow workflow,
            JdbcTemplate jdbc,
            Clock clock) {
        this.diagnoses = diagnoses;
        this.versions = versions;
        this.events = events;
        this.validation = validation;
        this.workflow = workflow;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public List<DiagnosisOverview> overview() {
        var today = LocalDate.now(clock);
        var all = versions.findAllOrdered();
        var byDiagnosis = new LinkedHashMap<Long, List<DiagnosisVersion>>();
        all.forEach(v -> byDiagnosis
                .computeIfAbsent(v.getDiagnosisId(), id -> new ArrayList<>())
                .add(v));
        var lastEvents = lastEventPerVersion();
        var result = new ArrayList<DiagnosisOverview>();
        byDiagnosis.forEach((id, list) -> {
            var served =
                    list.stream().filter(v -> v.isServedOn(today)).findFirst().orElse(null);
            var open =
                    list.stream().filter(DiagnosisVersion::isOpen).findFirst().orElse(null);
            var latest = list.get(list.size() - 1);
            var last = list.stream()
                    .map(v -> lastEvents.get(v.getId()))
                    .filter(Objects::nonNull)
                    .max(Comparator.comparing(VersionEvent::getId))
                    .orElse(null);
            result.add(new DiagnosisOverview(
                    id,
                    (open != null ? open : served != null ? served : latest).getTitle(),
                    served == null ? null : served.getVersionNumber(),
                    open == null ? null : open.getVersionNumber(),
                    open == null ? null : open.getStatus(),
                    last == null ? "IMPORTED" : last.getAction(),
                    last == null ? latest.getCreatedBy() : last.getActor(),
                    last == null ? latest.getCreatedAt() : last.getOccurredAt()));
        });
        return result;
    }

    public List<DiagnosisVersionSummary> history(long diagnosisId) {
        var list = versions.findByDiagnosisIdOrderByVersionNumberDesc(diagnosisId);
        if (list.isEmpty()) {
            throw new ContentNotFoundException("No diagnosis with id " + diagnosisId + ".");
        }
        var eventsByVersion =
                eventsOf(list.stream().map(DiagnosisVersion::getId).toList());
        return list.stream()
                .map(v -> new DiagnosisVersionSummary(
                        v.getVersionNumber(),
                        v.getStatus(),
                        v.getValidFrom(),
                        v.getValidTo(),
                        v.getCreatedBy(),
                        v.getCreatedAt(),
                        v.getBasedOnVersion(),
                        eventsByVersion.getOrDefault(v.getId(), List.of())))
                .toList();
    }

    public DiagnosisVersionDetails version(long diagnosisId, int versionNumber) {
        return details(find(diagnosisId, versionNumber), List.of());
    }

    /** Starts a new draft from the latest version (or {@code basedOn}); the published version stays served. */
    @Transactional
    public DiagnosisVersionDetails startDraft(long diagnosisId, Integer basedOn, String actor, String comment) {
        for (var open : versions.findOpen(diagnosisId)) {
            throw new WorkflowException("Diagnosis " + diagnosisId + " already has version " + open.getVersionNumber()
                    + " in state " + open.getStatus() + "; finish or return it first.");
        }
        var all = versions.findByDiagnosisIdOrderByVersionNumberDesc(diagnosisId);
        if (all.isEmpty()) {
            throw new ContentNotFoundException("No diagnosis with id " + diagnosisId + ".");
        }
        var source = basedOn == null ? all.get(0) : find(diagnosisId, basedOn);
        var number = versions.maxVersionNumber(diagnosisId) + 1;
        var draft = versions.save(DiagnosisVersion.draft(
                diagnosisId,
                number,
                source.getVersionNumber(),
                source.content(),
                actor,
                this::newTypicalCaseId,
                clock));
        record(
                draft,
                "CREATED",
                actor,
                comment == null ? "Draft based on version " + source.getVersionNumber() : comment);
        return details(draft, List.of());
    }

    /** Creates a diagnosis that FMB does not have yet, as a first draft. */
    @Transactional
    public DiagnosisVersionDetails createDiagnosis(Long requestedId, DiagnosisContent content, String actor) {
        if (!basicErrors(content).isEmpty()) {
            throw new DraftInvalidException(basicErrors(content), List.of());
        }
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
        var draft = versions.save(DiagnosisVersion.draft(
                id,
                1,
                null,
                fresh.withKeywords(List.of()).withTypicalCases(withoutIds),
                actor,
                this::newTypicalCaseId,
                clock));
        record(draft, "CREATED", actor, "New diagnosis");
        return details(draft, List.of());
    }

    /** Saves a draft. {@code expectedLockVersion} is the lock the editor loaded; another save since then is a 409. */
    @Transactional
    public DiagnosisVersionDetails revise(
            long diagnosisId,
            int versionNumber,
            long expectedLockVersion,
            DiagnosisContent content,
            String actor,
            String comment) {
        var version = find(diagnosisId, versionNumber);
        if (version.getLockVersion() != expectedLockVersion) {
            var last = eventsOf(List.of(version.getId())).getOrDefault(version.getId(), List.of());
            var who = last.isEmpty()
                    ? "someone"
                    : last.get(last.size() - 1).actor() + " at "
                            + last.get(last.size() - 1).at();
            throw new ConcurrentEditException("Version " + versionNumber + " of diagnosis " + diagnosisId
                    + " was changed by " + who + " after you loaded it (you have lock version " + expectedLockVersion
                    + ", the current one is " + version.getLockVersion()
                    + "). Reload it and apply your changes again.");
        }
        var errors = basicErrors(content);
        if (!errors.isEmpty()) {
            throw new DraftInvalidException(errors, List.of());
        }
        version.revise(normalize(content), this::newTypicalCaseId, clock);
        versions.saveAndFlush(version);
        record(version, "REVISED", actor, comment);
        return details(version, List.of());
    }

    /** Validates the draft and sends it to review; 422 with the errors per field if it is not ready. */
    @Transactional
    public DiagnosisVersionDetails submit(long diagnosisId, int versionNumber, String actor, String comment) {
        var version = find(diagnosisId, versionNumber);
        if (version.getStatus() != Status.DRAFT) {
            throw new WorkflowException("Version " + versionNumber + " is " + version.getStatus()
                    + "; only a DRAFT version can be submitted for review.");
        }
        var report = validation.validate(version.content());
        if (!report.errors().isEmpty()) {
            throw new DraftInvalidException(report.errors(), report.warnings());
        }
        workflow.submit(DocumentType.DIAGNOSIS, version, actor, join(comment, report.warnings()));
        return details(version, report.warnings());
    }

    /** Returns a version in review to its author, or turns down a proposed retirement. */
    @Transactional
    public DiagnosisVersionDetails returnToAuthor(long diagnosisId, int versionNumber, String actor, String comment) {
        if (comment == null || comment.isBlank()) {
            throw new DraftInvalidException(List.of(new FieldMessage("comment", "say what must change")), List.of());
        }
        var version = find(diagnosisId, versionNumber);
        if (version.isRetirementProposal()) {
            version.withdrawRetirement();
            record(version, "WITHDRAWN", actor, comment);
        } else {
            workflow.returnToAuthor(DocumentType.DIAGNOSIS, version, actor, comment);
        }
        return details(version, List.of());
    }

    /**
     * A second person's approval: of a version in review, or of a proposed retirement, which then takes
     * effect on its day (today if that has passed). Nobody approves what they, under any of their
     * identities, wrote, submitted or proposed.
     */
    @Transactional
    public DiagnosisVersionDetails approve(long diagnosisId, int versionNumber, String actor, String comment) {
        var version = find(diagnosisId, versionNumber);
        if (version.isRetirementProposal()) {
            workflow.requireSecondPerson(
                    DocumentType.DIAGNOSIS,
                    version,
                    actor,
                    "proposed retiring diagnosis " + diagnosisId + " and cannot confirm it");
            version.confirmRetirement(clock);
            endPredecessors(diagnosisId, version, version.getValidFrom(), actor);
            record(version, "RETIRED", actor, join(comment, List.of("from " + version.getValidFrom())));
            refreshAfterCommit();
            return details(version, List.of());
        }
        workflow.approve(
                DocumentType.DIAGNOSIS,
                version,
                actor,
                comment,
                "wrote or submitted version " + versionNumber + " and cannot approve it");
        return details(version, List.of());
    }

    /**
     * Publishes an approved version from {@code validFrom} (today when null; a future date schedules the
     * switch) and ends the validity of the version served before it on that day.
     */
    @Transactional
    public DiagnosisVersionDetails publish(
            long diagnosisId, int versionNumber, LocalDate validFrom, String actor, String comment) {
        var version = find(diagnosisId, versionNumber);
        workflow.publish(
                DocumentType.DIAGNOSIS,
                version,
                () -> versions.findByDiagnosisIdOrderByVersionNumberDesc(diagnosisId),
                validFrom,
                actor,
                comment);
        return details(version, List.of());
    }

    /**
     * Proposes retiring the diagnosis from {@code validFrom}. A second person confirms it with
     * {@link #approve} (then a RETIRED version ends the served one and nothing is served after) or turns it
     * down with {@link #returnToAuthor}.
     */
    @Transactional
    public DiagnosisVersionDetails retire(long diagnosisId, LocalDate validFrom, String actor, String comment) {
        var today = LocalDate.now(clock);
        var from = validFrom == null ? today : validFrom;
        if (from.isBefore(today)) {
            throw new DraftInvalidException(
                    List.of(new FieldMessage("validFrom", "must be today or later")), List.of());
        }
        if (comment == null || comment.isBlank()) {
            throw new DraftInvalidException(
                    List.of(new FieldMessage("comment", "say why the diagnosis is retired")), List.of());
        }
        var all = versions.findByDiagnosisIdOrderByVersionNumberDesc(diagnosisId);
        var current = all.stream()
                .filter(v -> v.getStatus() == Status.PUBLISHED)
                .findFirst()
                .orElseThrow(() ->
                        new WorkflowException("Diagnosis " + diagnosisId + " has no published version to retire."));
        if (!versions.findOpen(diagnosisId).isEmpty()) {
            throw new WorkflowException(
                    "Diagnosis " + diagnosisId + " has a version in progress; finish or return it first.");
        }
        var proposal = versions.save(DiagnosisVersion.retirementProposal(
                diagnosisId, versions.maxVersionNumber(diagnosisId) + 1, current, from, actor, clock));
        record(proposal, "RETIREMENT_PROPOSED", actor, join(comment, List.of("from " + from)));
        return details(proposal, List.of());
    }

    private void endPredecessors(long diagnosisId, DiagnosisVersion successor, LocalDate from, String actor) {
        workflow.replacePredecessors(
                DocumentType.DIAGNOSIS,
                versions.findByDiagnosisIdOrderByVersionNumberDesc(diagnosisId),
                successor,
                from,
                actor);
    }

    /** Code objects get their system from the list they are in; a typical case reuses its diagnosis' objects. */
    private static DiagnosisContent normalize(DiagnosisContent c) {
        Function<Code, Code> icd = code -> Code.icd10(Code.normalized(code.kod()), code.beskrivning());
        var icd10 = c.icd10Codes().stream().map(icd).toList();
        Function<Code, Code> shared = code -> icd10.stream()
                .filter(d -> d.kod().equals(Code.normalized(code.kod())))
                .findFirst()
                .orElse(icd.apply(code));
        Function<Code, Code> icf =
                code -> Code.icf(code.kod() == null ? null : code.kod().trim(), code.beskrivning());
        var cases = c.typicalCases().stream()
                .map(tc ->
                        tc.withIcd10Codes(tc.icd10Codes().stream().map(shared).toList()))
                .toList();
        var group = c.diseaseGroup() == null || c.diseaseGroup().kod() == null
                ? c.diseaseGroup()
                : new Code(
                        c.diseaseGroup().kod(),
                        FmbVocabulary.DISEASE_GROUP_SYSTEM,
                        FmbVocabulary.DISEASE_GROUP_NAME,
                        c.diseaseGroup().beskrivning());
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

    /** What even a draft must have to be stored: a title, codes that have a code, allowed markup, web links. */
    private static List<FieldMessage> basicErrors(DiagnosisContent c) {
        var errors = new ArrayList<FieldMessage>();
        if (c.title() == null || c.title().isBlank()) {
            errors.add(new FieldMessage("title", "is required"));
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
        }
        return errors;
    }

    private static void codeErrors(List<FieldMessage> errors, String field, List<Code> codes) {
        for (int i = 0; i < codes.size(); i++) {
            if (codes.get(i).kod() == null || codes.get(i).kod().isBlank()) {
                errors.add(new FieldMessage(field + "[" + i + "].kod", "is required"));
            }
        }
    }

    private DiagnosisVersion find(long diagnosisId, int versionNumber) {
        return versions.findByDiagnosisIdAndVersionNumber(diagnosisId, versionNumber)
                .orElseThrow(() -> new ContentNotFoundException(
                        "Diagnosis " + diagnosisId + " has no version " + versionNumber + "."));
    }

    private DiagnosisVersionDetails details(DiagnosisVersion version, List<String> warnings) {
        return DiagnosisVersionDetails.of(
                version, eventsOf(List.of(version.getId())).getOrDefault(version.getId(), List.of()), warnings);
    }

    private Map<Long, List<VersionEventDetails>> eventsOf(List<Long> versionIds) {
        var result = new LinkedHashMap<Long, List<VersionEventDetails>>();
        events.findByDocumentTypeAndDocumentVersionIdInOrderByIdAsc(DocumentType.DIAGNOSIS, versionIds)
                .forEach(e -> result.computeIfAbsent(e.getDocumentVersionId(), id -> new ArrayList<>())
                        .add(VersionEventDetails.of(e)));
        return result;
    }

    private Map<Long, VersionEvent> lastEventPerVersion() {
        var result = new java.util.HashMap<Long, VersionEvent>();
        events.findLatestPerDiagnosisVersion().forEach(e -> result.put(e.getDocumentVersionId(), e));
        return result;
    }

    private void record(DiagnosisVersion version, String action, String actor, String comment) {
        workflow.record(DocumentType.DIAGNOSIS, version, action, actor, comment);
    }

    private void refreshAfterCommit() {
        workflow.refreshAfterCommit();
    }

    private long newTypicalCaseId() {
        return jdbc.queryForObject("select nextval('typical_case_fmb_id')", Long.class);
    }

    private static String join(String comment, List<String> notes) {
        var parts = new ArrayList<String>();
        if (comment != null && !comment.isBlank()) {
            parts.add(comment);
        }
        parts.addAll(notes);
        return parts.isEmpty() ? null : String.join("; ", parts);
    }
}
