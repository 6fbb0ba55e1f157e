package org.example.fmb.authoring;

/**
 * Where a version of a document is in the authoring workflow. A diagnosis is retired by two people: one
 * proposes it (RETIREMENT_PROPOSED), another confirms it (RETIRED) or turns it down (WITHDRAWN).
 */
public enum Status {
    DRAFT,
    IN_REVIEW,
    APPROVED,
    PUBLISHED,
    RETIREMENT_PROPOSED,
    RETIRED,
    WITHDRAWN
}
