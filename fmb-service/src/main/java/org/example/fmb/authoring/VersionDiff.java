package org.example.fmb.authoring;

import java.util.List;

/** The differences between two versions: text sections and typical cases side by side. */
public record VersionDiff(
        long diagnosisId,
        int fromVersion,
        int toVersion,
        List<SectionChange> sections,
        List<TypicalCaseChange> typicalCases) {

    /** A section in both versions; {@code changed} tells whether it differs. */
    public record SectionChange(String section, String from, String to, boolean changed) {}

    /** A typical case matched by its FMB id: ADDED, REMOVED, CHANGED or UNCHANGED, with the fields that differ. */
    public record TypicalCaseChange(
            long typicalCaseId,
            String change,
            TypicalCaseContent from,
            TypicalCaseContent to,
            List<SectionChange> fields) {}
}
