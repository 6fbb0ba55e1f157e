package org.example.fmb.authoring;

import java.time.Instant;

/** A diagnosis in the editors' list: its served version, the version being worked on, and the last step. */
public record DiagnosisOverview(
        long id,
        String title,
        Integer publishedVersion,
        Integer openVersion,
        Status openStatus,
        String lastAction,
        String lastActor,
        Instant lastChange) {}
