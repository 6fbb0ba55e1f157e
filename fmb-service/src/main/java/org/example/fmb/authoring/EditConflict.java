package org.example.fmb.authoring;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What an editor page shows when someone else saved the version first: who and when, and each field where the saved
 * version differs from what the editor typed (which stays in the form, to be saved over it deliberately).
 */
record EditConflict(String savedBy, Instant savedAt, List<VersionDiff.SectionChange> differences) {

    static EditConflict of(ConcurrentEditException ex, List<VersionDiff.SectionChange> differences) {
        return new EditConflict(
                ex.savedBy(),
                ex.savedAt(),
                differences.stream().filter(VersionDiff.SectionChange::changed).toList());
    }

    /** The sections of a diff, then each changed field of a typical case, named by the case. */
    static List<VersionDiff.SectionChange> differences(VersionDiff diff) {
        var all = new ArrayList<>(diff.sections());
        for (var tc : diff.typicalCases()) {
            var name = "Typfall " + (tc.typicalCaseId() < 0 ? "(nytt)" : tc.typicalCaseId());
            if (tc.change().equals("ADDED") || tc.change().equals("REMOVED")) {
                var sentence = (tc.to() == null ? tc.from() : tc.to()).sentence();
                all.add(new VersionDiff.SectionChange(
                        name, tc.from() == null ? null : sentence, tc.to() == null ? null : sentence, true));
            } else {
                tc.fields()
                        .forEach(f -> all.add(
                                new VersionDiff.SectionChange(name + ": " + f.section(), f.from(), f.to(), true)));
            }
        }
        return all;
    }
}
