package org.example.fmb.authoring;

import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.LocalDate;
import java.util.List;

/**
 * Where a version of a document (a diagnosis or the general principles) is in the authoring workflow, and
 * when it is valid: the one state machine both kinds of document use. Every transition checks the state it
 * starts from; a version is served on the days of {@code [validFrom, validTo)} once published.
 */
@Embeddable
class VersionState {

    @Enumerated(EnumType.STRING)
    private Status status;

    private LocalDate validFrom;
    private LocalDate validTo;

    protected VersionState() {}

    private VersionState(Status status, LocalDate validFrom) {
        this.status = status;
        this.validFrom = validFrom;
    }

    static VersionState draft() {
        return new VersionState(Status.DRAFT, null);
    }

    static VersionState published(LocalDate validFrom) {
        return new VersionState(Status.PUBLISHED, validFrom);
    }

    static VersionState retirementProposed(LocalDate from) {
        return new VersionState(Status.RETIREMENT_PROPOSED, from);
    }

    void requireDraft(String version, String what) {
        require(Status.DRAFT, version, what);
    }

    void submit(String version) {
        require(Status.DRAFT, version, "submitted for review");
        status = Status.IN_REVIEW;
    }

    void returnToDraft(String version) {
        if (status != Status.IN_REVIEW && status != Status.APPROVED) {
            throw new WorkflowException(version + " is " + status + " and cannot be returned to its author.");
        }
        status = Status.DRAFT;
    }

    void approve(String version) {
        require(Status.IN_REVIEW, version, "approved");
        status = Status.APPROVED;
    }

    /** Publishes from {@code from}, which may not lie before {@code today} (422 on the field validFrom). */
    void publish(String version, LocalDate from, LocalDate today) {
        require(Status.APPROVED, version, "published");
        if (from == null || from.isBefore(today)) {
            throw new DraftInvalidException(
                    List.of(new FieldMessage("validFrom", "must be today or later")), List.of());
        }
        status = Status.PUBLISHED;
        validFrom = from;
    }

    /** The second person's confirmation: retired from the proposed day, or {@code earliest} if that is later. */
    void confirmRetirement(String version, LocalDate earliest) {
        require(Status.RETIREMENT_PROPOSED, version, "confirmed as a retirement");
        status = Status.RETIRED;
        if (validFrom.isBefore(earliest)) {
            validFrom = earliest;
        }
    }

    void withdrawRetirement(String version) {
        require(Status.RETIREMENT_PROPOSED, version, "withdrawn");
        status = Status.WITHDRAWN;
    }

    /**
     * Whether a successor valid from {@code from} replaces this version: a published version that has started by
     * then (on that very day too) and is still valid on it.
     */
    boolean isReplacedBy(LocalDate from) {
        return status == Status.PUBLISHED
                && validFrom != null
                && !validFrom.isAfter(from)
                && (validTo == null || validTo.isAfter(from));
    }

    /**
     * Ends the validity on {@code successorFrom} (exclusive). A version whose successor starts on its own first day
     * is never served again.
     */
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

    private void require(Status expected, String version, String what) {
        if (status != expected) {
            throw new WorkflowException(
                    version + " is " + status + "; only a " + expected + " version can be " + what + ".");
        }
    }

    Status status() {
        return status;
    }

    LocalDate validFrom() {
        return validFrom;
    }

    LocalDate validTo() {
        return validTo;
    }
}
