package org.example.fmb.authoring;

import java.time.Clock;
import java.time.LocalDate;

/** A version of a document in the authoring workflow (a diagnosis or the general principles), as the workflow sees it. */
interface VersionedDocument {

    Long getId();

    int getVersionNumber();

    String getCreatedBy();

    Status getStatus();

    LocalDate getValidFrom();

    long getLockVersion();

    boolean isOpen();

    boolean isReplacedBy(LocalDate successorFrom);

    void endValidity(LocalDate successorFrom);

    void submitForReview();

    void returnToDraft();

    void approve();

    void publish(LocalDate from, Clock clock);

    /** A proposal to retire the document, which a second person confirms or turns down. */
    default boolean isRetirementProposal() {
        return getStatus() == Status.RETIREMENT_PROPOSED;
    }

    /** The second person's confirmation: the document is retired from the proposed day, or today if later. */
    void confirmRetirement(Clock clock);

    /** A retirement proposal turned down; the document stays as it is. */
    void withdrawRetirement();
}
