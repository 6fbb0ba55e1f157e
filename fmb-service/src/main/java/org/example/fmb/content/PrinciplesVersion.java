package org.example.fmb.content;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** One version of the general principles for sick leave ("Övergripande principer för sjukskrivning"). */
@Entity
class PrinciplesVersion {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private int versionNumber;

    @Enumerated(EnumType.STRING)
    private Status status;

    private LocalDate validFrom;
    private LocalDate validTo;
    private String title;
    private String markup;
    private OffsetDateTime lastUpdated;
    private String createdBy;
    private Instant createdAt;

    @Version
    private long lockVersion;

    protected PrinciplesVersion() {}

    private PrinciplesVersion(int versionNumber, Status status, String title, String markup, String createdBy) {
        this.versionNumber = versionNumber;
        this.status = status;
        this.title = title;
        this.markup = markup == null ? "" : markup;
        this.createdBy = createdBy;
        this.createdAt = Instant.now();
        this.lastUpdated = OffsetDateTime.now(ZoneOffset.UTC);
    }

    static PrinciplesVersion imported(String title, String markup, LocalDate validFrom) {
        var version = new PrinciplesVersion(1, Status.PUBLISHED, title, markup, "fmb-import");
        version.validFrom = validFrom;
        return version;
    }

    static PrinciplesVersion draft(int versionNumber, String title, String markup, String author) {
        return new PrinciplesVersion(versionNumber, Status.DRAFT, title, markup, author);
    }

    void revise(String newTitle, String newMarkup) {
        requireStatus(Status.DRAFT, "edited");
        title = newTitle;
        markup = newMarkup == null ? "" : newMarkup;
        lastUpdated = OffsetDateTime.now(ZoneOffset.UTC);
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

    void publish(LocalDate from) {
        requireStatus(Status.APPROVED, "published");
        status = Status.PUBLISHED;
        validFrom = from;
        lastUpdated = OffsetDateTime.now(ZoneOffset.UTC);
    }

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
        return status == Status.DRAFT || status == Status.IN_REVIEW || status == Status.APPROVED;
    }

    private void requireStatus(Status expected, String what) {
        if (status != expected) {
            throw new WorkflowException("Version " + versionNumber + " is " + status + "; only a " + expected
                    + " version can be " + what + ".");
        }
    }

    Long getId() {
        return id;
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

    String getMarkup() {
        return markup;
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

    long getLockVersion() {
        return lockVersion;
    }
}
