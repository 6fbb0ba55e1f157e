package org.example.fmb.authoring;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Version;
import java.time.Clock;
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
class DiagnosisVersion implements VersionedDocument {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private long diagnosisId;
    private int versionNumber;

    @Embedded
    private VersionState state;

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

    private DiagnosisVersion(
            long diagnosisId, int versionNumber, VersionState state, String createdBy, Integer basedOn, Clock clock) {
        this.diagnosisId = diagnosisId;
        this.versionNumber = versionNumber;
        this.state = state;
        this.createdBy = createdBy;
        this.createdAt = clock.instant();
        this.lastUpdated = now(clock);
        this.basedOnVersion = basedOn;
    }

    /** A version loaded from the FMB reference content, published and valid from the given date. */
    static DiagnosisVersion imported(
            long diagnosisId,
            int versionNumber,
            DiagnosisContent content,
            LocalDate validFrom,
            OffsetDateTime lastUpdated,
            LongSupplier newTypicalCaseIds,
            Clock clock) {
        var version = new DiagnosisVersion(
                diagnosisId, versionNumber, VersionState.published(validFrom), "fmb-import", null, clock);
        version.lastUpdated = lastUpdated;
        version.replaceContent(content, newTypicalCaseIds, true);
        return version;
    }

    /** Whether this is a version an earlier release loaded without the texts of the FMB capture. */
    boolean isImportWithoutTexts() {
        return "fmb-import".equals(createdBy)
                && state.status() == Status.PUBLISHED
                && state.validTo() == null
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
        state = VersionState.published(from);
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
            LongSupplier newTypicalCaseIds,
            Clock clock) {
        var version = new DiagnosisVersion(diagnosisId, versionNumber, VersionState.draft(), author, basedOn, clock);
        version.replaceContent(content, newTypicalCaseIds, true);
        return version;
    }

    /**
     * A proposal to retire the diagnosis from the given date, which a second person must confirm; it keeps
     * the content it retires.
     */
    static DiagnosisVersion retirementProposal(
            long diagnosisId, int versionNumber, DiagnosisVersion retired, LocalDate from, String actor, Clock clock) {
        var version = new DiagnosisVersion(
                diagnosisId, versionNumber, VersionState.retirementProposed(from), actor, retired.versionNumber, clock);
        version.replaceContent(
                retired.content(),
                () -> {
                    throw new IllegalStateException("a retirement copies existing cases");
                },
                true);
        return version;
    }

    void revise(DiagnosisContent content, LongSupplier newTypicalCaseIds, Clock clock) {
        state.requireDraft(label(), "edited");
        lastUpdated = now(clock);
        replaceContent(content, newTypicalCaseIds, false);
    }

    @Override
    public void submitForReview() {
        state.submit(label());
    }

    @Override
    public void returnToDraft() {
        state.returnToDraft(label());
    }

    @Override
    public void approve() {
        state.approve(label());
    }

    @Override
    public void confirmRetirement(Clock clock) {
        state.confirmRetirement(label(), LocalDate.now(clock));
        lastUpdated = now(clock);
    }

    @Override
    public void withdrawRetirement() {
        state.withdrawRetirement(label());
    }

    /** Publishes from {@code from}, today or later by {@code clock}. */
    @Override
    public void publish(LocalDate from, Clock clock) {
        state.publish(label(), from, LocalDate.now(clock));
        typicalCases.forEach(TypicalCase::takeValidityOfItsVersion);
        lastUpdated = now(clock);
    }

    @Override
    public boolean isReplacedBy(LocalDate from) {
        return state.isReplacedBy(from);
    }

    /** Ends this version's validity on {@code successorFrom} (valid_to is exclusive). */
    @Override
    public void endValidity(LocalDate successorFrom) {
        state.endValidity(successorFrom);
    }

    boolean isServedOn(LocalDate day) {
        return state.isServedOn(day);
    }

    @Override
    public boolean isOpen() {
        return state.isOpen();
    }

    private String label() {
        return "Version " + versionNumber;
    }

    private static OffsetDateTime now(Clock clock) {
        return OffsetDateTime.now(clock.withZone(ZoneOffset.UTC));
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
            var withKeywords = tc.withSystemFields(fmbId, keywordsOfCase, label, updated);
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

    @Override
    public Long getId() {
        return id;
    }

    long getDiagnosisId() {
        return diagnosisId;
    }

    @Override
    public int getVersionNumber() {
        return versionNumber;
    }

    @Override
    public Status getStatus() {
        return state.status();
    }

    @Override
    public LocalDate getValidFrom() {
        return state.validFrom();
    }

    LocalDate getValidTo() {
        return state.validTo();
    }

    String getTitle() {
        return title;
    }

    OffsetDateTime getLastUpdated() {
        return lastUpdated;
    }

    @Override
    public String getCreatedBy() {
        return createdBy;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    Integer getBasedOnVersion() {
        return basedOnVersion;
    }

    @Override
    public long getLockVersion() {
        return lockVersion;
    }
}
