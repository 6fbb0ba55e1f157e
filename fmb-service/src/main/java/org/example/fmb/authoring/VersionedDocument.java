package org.example.fmb.authoring;

import java.time.Clock;
import java.time.LocalDate;

/** A version of a document in the authoring workflow (a diagnosis or the general principles), as the workflow sees it. */
interface VersionedDocument {

    Long getId();

    int getVersionNumber();

    String getCreatedBy();

    boolean isReplacedBy(LocalDate successorFrom);

    void endValidity(LocalDate successorFrom);

    void submitForReview();

    void returnToDraft();

    void approve();

    void publish(LocalDate from, Clock clock);
}
