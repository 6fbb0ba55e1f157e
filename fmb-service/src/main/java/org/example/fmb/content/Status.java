package org.example.fmb.content;

/** Where a version of a document is in the authoring workflow. */
public enum Status {
    DRAFT, IN_REVIEW, APPROVED, PUBLISHED, RETIRED
}
