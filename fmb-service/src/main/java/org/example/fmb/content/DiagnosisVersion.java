package org.example.fmb.content;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.function.LongSupplier;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One version of a diagnosis page: every section, its codes and its typical cases, with its place in
 * the workflow (see {@link Status}) and its validity period.
 */
@Entity
class DiagnosisVersion {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private long diagnosisId;
    private int versionNumber;

    @Enumerated(EnumType.STRING)
    private Status status;

    private LocalDate validFrom;
    private LocalDate validTo;
    private String title;
    private String heading;
    private String description;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    private Code diseaseGroup;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "icd10_codes", columnDefinition = "jsonb")
    private List<Code> icd10Codes;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    private List<Code> keywords;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    private List<Code> targetGroups;

    private String insuranceMedicalInformation;
    private String symptomsPrognosisTreatment;
    private String rehabilitationInformation;
    private String functionalImpairment;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    private List<Code> functionalImpairmentCentral;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    private List<Code> functionalImpairmentComplementary;

    private String activityLimitation;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    private List<Code> activityLimitationCentral;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    private List<Code> activityLimitationComplementary;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    private List<Reference> referenceList;

    private OffsetDateTime lastUpdated;
    private String purpose;
    private String createdBy;
    private Instant createdAt;
    private Integer basedOnVersion;

    @Version
    private long lockVersion;

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
    @JoinColumn(name = "diagnosis_version_id", nullable = false)
    @OrderBy("position")
    private List<TypicalCase> typicalCases = new ArrayList<>();

    protected DiagnosisVersion() {}

    private DiagnosisVersion(long diagnosisId, int versionNumber, Status status, String createdBy, Integer basedOn) {
        this.diagnosisId = diagnosisId;
        this.versionNumber = versionNumber;
        this.status = status;
        this.createdBy = createdBy;
        this.createdAt = Instant.now();
        this.basedOnVersion = basedOn;
    }

    /** A version loaded from the FMB reference content, published and valid from the given date. */
    static DiagnosisVersion imported(
            long diagnosisId,
            int versionNumber,
            DiagnosisContent content,
            LocalDate validFrom,
            OffsetDateTime lastUpdated,
            LongSupplier newTypicalCaseIds) {
        var version = new DiagnosisVersion(diagnosisId, versionNumber, Status.PUBLISHED, "fmb-import", null);
        version.validFrom = validFrom;
        version.lastUpdated = lastUpdated;
        version.replaceContent(content, newTypicalCaseIds, true);
        return version;
    }

    /** Whether this is a version an earlier release loaded without the texts of the FMB capture. */
    boolean isImportWithoutTexts() {
        return "fmb-import".equals(createdBy)
                && status == Status.PUBLISHED
                && validTo == null
                && insuranceMedicalInformation == null
                && symptomsPrognosisTreatment == null;
    }

    /** Gives such a version the whole content of the capture (its typical cases keep their FMB ids). */
    void completeImport(
            int number,
            DiagnosisContent content,
            LocalDate from,
            OffsetDateTime updated,
            LongSupplier newTypicalCaseIds) {
        if (!isImportWithoutTexts()) {
            throw new WorkflowException(
                    "Version " + versionNumber + " of diagnosis " + diagnosisId + " is not an import without texts.");
        }
        versionNumber = number;
        validFrom = from;
        lastUpdated = updated;
        replaceContent(content, newTypicalCaseIds, true);
    }

    /** A new draft of a diagnosis, starting from the given content. */
    static DiagnosisVersion draft(
            long diagnosisId,
            int versionNumber,
            Integer basedOn,
            DiagnosisContent content,
            String author,
            LongSupplier newTypicalCaseIds) {
        var version = new DiagnosisVersion(diagnosisId, versionNumber, Status.DRAFT, author, basedOn);
        version.lastUpdated = OffsetDateTime.now(ZoneOffset.UTC);
        version.replaceContent(content, newTypicalCaseIds, true);
        return version;
    }

    /**
     * A proposal to retire the diagnosis from the given date, which a second person must confirm; it keeps
     * the content it retires.
     */
    static DiagnosisVersion retirementProposal(
            long diagnosisId, int versionNumber, DiagnosisVersion retired, LocalDate from, String actor) {
        var version = new DiagnosisVersion(
                diagnosisId, versionNumber, Status.RETIREMENT_PROPOSED, actor, retired.versionNumber);
        version.validFrom = from;
        version.lastUpdated = OffsetDateTime.now(ZoneOffset.UTC);
        version.replaceContent(
                retired.content(),
                () -> {
                    throw new IllegalStateException("a retirement copies existing cases");
                },
                true);
        return version;
    }

    void revise(DiagnosisContent content, LongSupplier newTypicalCaseIds) {
        requireStatus(Status.DRAFT, "edited");
        lastUpdated = OffsetDateTime.now(ZoneOffset.UTC);
        replaceContent(content, newTypicalCaseIds, false);
    }

    void submitForReview() {
        requireStatus(Status.DRAFT, "submitted for review");
        status = Status.IN_REVIEW;
    }

    void returnToDraft() {
        if (status != Status.IN_REVIEW && status != Status.APPROVED) {
            throw new WorkflowException(
                    "Version " + versionNumber + " is " + status + " and cannot be returned to its author.");
        }
        status = Status.DRAFT;
    }

    void approve() {
        requireStatus(Status.IN_REVIEW, "approved");
        status = Status.APPROVED;
    }

    boolean isRetirementProposal() {
        return status == Status.RETIREMENT_PROPOSED;
    }

    /** The second person's confirmation: the diagnosis is retired from the proposed day, or {@code earliest} if later. */
    void confirmRetirement(LocalDate earliest) {
        requireStatus(Status.RETIREMENT_PROPOSED, "confirmed as a retirement");
        status = Status.RETIRED;
        if (validFrom.isBefore(earliest)) {
            validFrom = earliest;
        }
        lastUpdated = OffsetDateTime.now(ZoneOffset.UTC);
    }

    /** A retirement proposal turned down; the diagnosis stays as it is. */
    void withdrawRetirement() {
        requireStatus(Status.RETIREMENT_PROPOSED, "withdrawn");
        status = Status.WITHDRAWN;
    }

    void publish(LocalDate from) {
        requireStatus(Status.APPROVED, "published");
        status = Status.PUBLISHED;
        validFrom = from;
        typicalCases.forEach(TypicalCase::takeValidityOfItsVersion);
        lastUpdated = OffsetDateTime.now(ZoneOffset.UTC);
    }

    /** Ends this version's validity the day before {@code successorFrom} (valid_to is exclusive). */
    void endValidity(LocalDate successorFrom) {
        if (validTo == null || validTo.isAfter(successorFrom)) {
            validTo = successorFrom;
        }
    }

    boolean isServedOn(LocalDate day) {
        return status == Status.PUBLISHED
                && validFrom != null
                && !validFrom.isAfter(day)
                && (validTo == null || validTo.isAfter(day));
    }

    boolean isOpen() {
        return status == Status.DRAFT
                || status == Status.IN_REVIEW
                || status == Status.APPROVED
                || status == Status.RETIREMENT_PROPOSED;
    }

    private void requireStatus(Status expected, String what) {
        if (status != expected) {
            throw new WorkflowException("Version " + versionNumber + " is " + status + "; only a " + expected
                    + " version can be " + what + ".");
        }
    }

    /**
     * Replaces sections and typical cases. {@code copying}: the content comes whole from elsewhere (import,
     * a new draft from an older version), so its typfall ids, keywords and dates are kept as they are.
     */
    private void replaceContent(DiagnosisContent content, LongSupplier newTypicalCaseIds, boolean copying) {
        var icdChanged = icd10Codes == null || !icd10Codes.equals(content.icd10Codes());
        title = content.title();
        heading = content.heading() == null || content.heading().isBlank() ? content.title() : content.heading();
        description = content.description();
        diseaseGroup = content.diseaseGroup();
        keywords = (copying && !content.keywords().isEmpty())
                        || (!icdChanged && !content.keywords().isEmpty())
                ? content.keywords()
                : FmbVocabulary.diagnosisKeywords(content.icd10Codes());
        targetGroups = content.targetGroups().isEmpty() ? FmbVocabulary.TARGET_GROUPS : content.targetGroups();
        icd10Codes = content.icd10Codes();
        insuranceMedicalInformation = content.insuranceMedicalInformation();
        symptomsPrognosisTreatment = content.symptomsPrognosisTreatment();
        rehabilitationInformation = content.rehabilitationInformation();
        functionalImpairment = content.functionalImpairment();
        functionalImpairmentCentral = content.functionalImpairmentCentral();
        functionalImpairmentComplementary = content.functionalImpairmentComplementary();
        activityLimitation = content.activityLimitation();
        activityLimitationCentral = content.activityLimitationCentral();
        activityLimitationComplementary = content.activityLimitationComplementary();
        referenceList = content.references();
        purpose = content.purpose();

        var existing = new HashMap<Long, TypicalCase>();
        typicalCases.forEach(tc -> existing.put(tc.getFmbId(), tc));
        var kept = new ArrayList<TypicalCase>();
        var seen = new java.util.HashSet<Long>();
        var position = 0;
        for (var tc : content.typicalCases()) {
            // Ids are FMB's stable typfall ids: an id this version does not have (or a repeated one) gets a new id.
            var fmbId = tc.fmbId() != null && (copying || existing.containsKey(tc.fmbId())) && seen.add(tc.fmbId())
                    ? tc.fmbId()
                    : newTypicalCaseIds.getAsLong();
            seen.add(fmbId);
            var entity = existing.get(fmbId);
            var before = entity == null ? null : entity.content();
            var keywordsOfCase = copying && !tc.keywords().isEmpty()
                    ? tc.keywords()
                    : before != null
                                    && before.icd10Codes().equals(tc.icd10Codes())
                                    && before.criteria().equals(tc.criteria())
                                    && !before.keywords().isEmpty()
                            ? before.keywords()
                            : FmbVocabulary.typicalCaseKeywords(tc.icd10Codes(), tc.criteria());
            var changed = before == null
                    || !before.sameAs(tc)
                    || !java.util.Objects.equals(before.recommendation(), tc.recommendation())
                    || !java.util.Objects.equals(before.conditionSentence(), tc.conditionSentence());
            var updated = copying && tc.lastUpdated() != null
                    ? tc.lastUpdated()
                    : changed ? lastUpdated : before.lastUpdated();
            var label = copying && tc.versionLabel() != null
                    ? tc.versionLabel()
                    : changed ? String.valueOf(versionNumber) : before.versionLabel();
            var withKeywords = new TypicalCaseContent(
                    fmbId,
                    tc.sentence(),
                    tc.conditionSentence(),
                    tc.icd10Codes(),
                    tc.criteria(),
                    tc.recommendation(),
                    tc.maxValue(),
                    tc.maxUnit(),
                    tc.maxDegree(),
                    keywordsOfCase,
                    label,
                    updated,
                    tc.description(),
                    tc.validFrom());
            if (entity == null) {
                kept.add(new TypicalCase(fmbId, position++, withKeywords, label, updated));
            } else {
                entity.replace(position++, withKeywords, label, updated);
                kept.add(entity);
            }
        }
        typicalCases.clear();
        typicalCases.addAll(kept);
    }

    DiagnosisContent content() {
        return new DiagnosisContent(
                title,
                heading,
                description,
                diseaseGroup,
                icd10Codes,
                keywords,
                targetGroups,
                insuranceMedicalInformation,
                symptomsPrognosisTreatment,
                rehabilitationInformation,
                functionalImpairment,
                functionalImpairmentCentral,
                functionalImpairmentComplementary,
                activityLimitation,
                activityLimitationCentral,
                activityLimitationComplementary,
                referenceList,
                typicalCases.stream().map(TypicalCase::content).toList(),
                purpose);
    }

    Long getId() {
        return id;
    }

    long getDiagnosisId() {
        return diagnosisId;
    }

    int getVersionNumber() {
        return versionNumber;
    }

    Status getStatus() {
        return status;
    }

    LocalDate getValidFrom() {
        return validFrom;
    }

    LocalDate getValidTo() {
        return validTo;
    }

    String getTitle() {
        return title;
    }

    OffsetDateTime getLastUpdated() {
        return lastUpdated;
    }

    String getCreatedBy() {
        return createdBy;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    Integer getBasedOnVersion() {
        return basedOnVersion;
    }

    long getLockVersion() {
        return lockVersion;
    }
}
