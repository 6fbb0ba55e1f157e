package org.example.fmb.authoring;

import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** One version of the general principles for sick leave ("Övergripande principer för sjukskrivning"). */
@Entity
class PrinciplesVersion implements VersionedDocument {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private int versionNumber;

    @Embedded
    private VersionState state;

    private String title;
    private String markup;
    private OffsetDateTime lastUpdated;
    private String createdBy;
    private Instant createdAt;

    @Version
    private long lockVersion;

    protected PrinciplesVersion() {}

    private PrinciplesVersion(
            int versionNumber, VersionState state, String title, String markup, String createdBy, Clock clock) {
        this.versionNumber = versionNumber;
        this.state = state;
        this.title = title;
        this.markup = markup == null ? "" : markup;
        this.createdBy = createdBy;
        this.createdAt = clock.instant();
        this.lastUpdated = OffsetDateTime.now(clock.withZone(ZoneOffset.UTC));
    }

    static PrinciplesVersion imported(String title, String markup, LocalDate validFrom, Clock clock) {
        return new PrinciplesVersion(1, VersionState.published(validFrom), title, markup, "fmb-import", clock);
    }

    static PrinciplesVersion draft(int versionNumber, String title, String markup, String author, Clock clock) {
        return new PrinciplesVersion(versionNumber, VersionState.draft(), title, markup, author, clock);
    }

    void revise(PrinciplesText text, Clock clock) {
        state.requireDraft(label(), "edited");
        title = text.title();
        markup = text.markup() == null ? "" : text.markup();
        lastUpdated = OffsetDateTime.now(clock.withZone(ZoneOffset.UTC));
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
    public void publish(LocalDate from, Clock clock) {
        state.publish(label(), from, LocalDate.now(clock));
        lastUpdated = OffsetDateTime.now(clock.withZone(ZoneOffset.UTC));
    }

    @Override
    public boolean isReplacedBy(LocalDate from) {
        return state.isReplacedBy(from);
    }

    @Override
    public void endValidity(LocalDate successorFrom) {
        state.endValidity(successorFrom);
    }

    /** The general principles are always in force; they are replaced by a new version, never retired. */
    @Override
    public void confirmRetirement(Clock clock) {
        throw new WorkflowException("The general principles cannot be retired; publish a new version instead.");
    }

    @Override
    public void withdrawRetirement() {
        throw new WorkflowException("The general principles cannot be retired; publish a new version instead.");
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

    @Override
    public Long getId() {
        return id;
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

    String getMarkup() {
        return markup;
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

    @Override
    public long getLockVersion() {
        return lockVersion;
    }
}
