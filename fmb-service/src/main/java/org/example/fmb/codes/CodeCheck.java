package org.example.fmb.codes;

/** The answer for one code: it exists, it does not, or it could not be verified (code server unavailable). */
public enum CodeCheck {
    VALID,
    INVALID,
    UNVERIFIED
}
