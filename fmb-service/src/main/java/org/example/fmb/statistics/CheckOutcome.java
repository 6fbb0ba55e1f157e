package org.example.fmb.statistics;

/** How a sick-leave check of a code came out: within or over FMB's recommended maximum, or no maximum to compare. */
public enum CheckOutcome {
    WITHIN,
    OVER,
    NONE
}
