package org.example.hosp.changes;

/** What a registrar update did. */
public enum ChangeKind {
    LICENCE_ISSUED,
    SPECIALIST_CERTIFICATE_ADDED,
    RESTRICTION_ADDED,
    RESTRICTION_LIFTED,
    LICENCE_REVOKED
}
