package org.example.fmb.authoring;

import java.time.Instant;

/** One workflow step: what was done, by whom, when and why. */
public record VersionEventDetails(String action, String actor, Instant at, String comment) {
    static VersionEventDetails of(VersionEvent e) {
        return new VersionEventDetails(e.getAction(), e.getActor(), e.getOccurredAt(), e.getComment());
    }
}
