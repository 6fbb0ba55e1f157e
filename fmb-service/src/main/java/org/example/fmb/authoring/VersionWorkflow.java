package org.example.fmb.authoring;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.example.fmb.authoring.VersionEvent.DocumentType;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * What the workflow does alike for every kind of document: it records each step, keeps the four-eyes rule, ends the
 * versions a publication replaces, and rebuilds the published picture once the step is committed. The transitions
 * themselves are the entity's ({@link VersionState}).
 */
@Component
class VersionWorkflow {

    /** The steps whose actor took part in writing a version, and so may not approve it. */
    private static final Set<String> AUTHORING_STEPS = Set.of("CREATED", "REVISED", "SUBMITTED", "RETIREMENT_PROPOSED");

    private final VersionEventRepository events;
    private final FourEyesProperties fourEyes;
    private final ApplicationEventPublisher changes;
    private final Clock clock;

    VersionWorkflow(
            VersionEventRepository events,
            FourEyesProperties fourEyes,
            ApplicationEventPublisher changes,
            Clock clock) {
        this.events = events;
        this.fourEyes = fourEyes;
        this.changes = changes;
        this.clock = clock;
    }

    void record(DocumentType type, VersionedDocument version, String action, String actor, String comment) {
        events.save(new VersionEvent(type, version.getId(), action, actor, comment, clock));
    }

    /** Refuses {@code actor} if they, under any of their identities, created, saved, submitted or proposed it. */
    void requireSecondPerson(DocumentType type, VersionedDocument version, String actor, String refusal) {
        var involved = new HashSet<String>();
        involved.add(version.getCreatedBy());
        events.findByDocumentTypeAndDocumentVersionIdInOrderByIdAsc(type, List.of(version.getId())).stream()
                .filter(e -> AUTHORING_STEPS.contains(e.getAction()))
                .forEach(e -> involved.add(e.getActor()));
        fourEyes.requireSecondPerson(involved, actor, refusal);
    }

    /** Ends, on {@code from}, every other version that {@code successor} replaces then, and records it. */
    void replacePredecessors(
            DocumentType type,
            List<? extends VersionedDocument> versions,
            VersionedDocument successor,
            LocalDate from,
            String actor) {
        for (var other : versions) {
            if (other != successor && other.isReplacedBy(from)) {
                other.endValidity(from);
                record(
                        type,
                        other,
                        "VALIDITY_ENDED",
                        actor,
                        "Replaced by version " + successor.getVersionNumber() + " from " + from);
            }
        }
    }

    /** Sends a version to review; the caller has checked that it is complete. */
    void submit(DocumentType type, VersionedDocument version, String actor, String comment) {
        version.submitForReview();
        record(type, version, "SUBMITTED", actor, comment);
    }

    /** Returns a version in review to its author. */
    void returnToAuthor(DocumentType type, VersionedDocument version, String actor, String comment) {
        version.returnToDraft();
        record(type, version, "RETURNED", actor, comment);
    }

    /** A second person's approval; {@code refusal} says why the actor may not give it. */
    void approve(DocumentType type, VersionedDocument version, String actor, String comment, String refusal) {
        requireSecondPerson(type, version, actor, refusal);
        version.approve();
        record(type, version, "APPROVED", actor, comment);
    }

    /**
     * Publishes an approved version from {@code validFrom} (today when null), ends the versions of the same document
     * it replaces then, records the step and rebuilds the published picture after the commit.
     */
    void publish(
            DocumentType type,
            VersionedDocument version,
            Supplier<List<? extends VersionedDocument>> versionsOfTheDocument,
            LocalDate validFrom,
            String actor,
            String comment) {
        var from = validFrom == null ? LocalDate.now(clock) : validFrom;
        version.publish(from, clock);
        replacePredecessors(type, versionsOfTheDocument.get(), version, from, actor);
        record(type, version, "PUBLISHED", actor, joined(comment, "valid from " + from));
        refreshAfterCommit();
    }

    private static String joined(String comment, String note) {
        return comment == null || comment.isBlank() ? note : comment + "; " + note;
    }

    /** Announces the step; the published picture is rebuilt once the current transaction commits. */
    void refreshAfterCommit() {
        changes.publishEvent(new VersionsChanged());
    }
}
