package org.example.hosp.audit;

/** Which kind of read an audit row records. */
public enum AccessKind {
    PERSON_LOOKUP,
    LICENCE_CHECK,
    CHANGE_FEED
}
