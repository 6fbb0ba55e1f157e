package org.example.fmb.authoring;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The editors' workflow, one for every kind of document ({@link DocumentKind}): a new draft beside the published
 * version, edits with optimistic locking, submission (validated), return with comments, approval by a second person,
 * publication now or on a future date, retirement (proposed by one person, confirmed by another), history. Every step
 * is recorded, and the published picture is rebuilt once a step that changes it is committed. The transitions
 * themselves are the entity's ({@link VersionState}).
 */
@Service
@Transactional(readOnly = true)
public class AuthoringService {

    /** The steps whose actor took part in writing a version, and so may not approve it. */
    private static final Set<String> AUTHORING_STEPS = Set.of("CREATED", "REVISED", "SUBMITTED", "RETIREMENT_PROPOSED");

    private final VersionEventRepository events;
    private final FourEyesProperties fourEyes;
    private final ApplicationEventPublisher changes;
    private final Clock clock;

    AuthoringService(
            VersionEventRepository events,
            FourEyesProperties fourEyes,
            ApplicationEventPublisher changes,
            Clock clock) {
        this.events = events;
        this.fourEyes = fourEyes;
        this.changes = changes;
        this.clock = clock;
    }

    /** Every version of the document, newest first, with its history. */
    public <V extends VersionedDocument, C, D> List<D> history(DocumentKind<V, C, D> kind, long documentId) {
        var all = existing(kind, documentId);
        var eventsByVersion =
                eventsOf(kind, all.stream().map(VersionedDocument::getId).toList());
        return all.stream()
                .map(v -> kind.details(v, eventsByVersion.getOrDefault(v.getId(), List.of()), List.of()))
                .toList();
    }

    public <V extends VersionedDocument, C, D> D version(
            DocumentKind<V, C, D> kind, long documentId, int versionNumber) {
        return details(kind, find(kind, documentId, versionNumber), List.of());
    }

    /** Starts a new draft from the latest version (or {@code basedOn}); the published version stays served. */
    @Transactional
    public <V extends VersionedDocument, C, D> D startDraft(
            DocumentKind<V, C, D> kind, long documentId, Integer basedOn, String actor, String comment) {
        var all = existing(kind, documentId);
        for (var open : all) {
            if (open.isOpen()) {
                throw new WorkflowException("Version " + open.getVersionNumber() + " of " + kind.name(documentId)
                        + " is " + open.getStatus() + "; finish or return it first.");
            }
        }
        var source = basedOn == null ? all.get(0) : find(kind, documentId, basedOn);
        var draft = kind.save(kind.draft(documentId, all.get(0).getVersionNumber() + 1, source, actor));
        record(
                kind,
                draft,
                "CREATED",
                actor,
                comment == null ? "Draft based on version " + source.getVersionNumber() : comment);
        return details(kind, draft, List.of());
    }

    /** Creates a document that FMB does not have yet, as a first draft. */
    @Transactional
    public <V extends VersionedDocument, C, D> D create(
            DocumentKind<V, C, D> kind, Long requestedId, C content, String actor) {
        requireStorable(kind, content);
        var draft = kind.create(requestedId, content, actor);
        record(kind, draft, "CREATED", actor, "New document");
        return details(kind, draft, List.of());
    }

    /** Saves a draft. {@code expectedLockVersion} is the lock the editor loaded; another save since then is a 409. */
    @Transactional
    public <V extends VersionedDocument, C, D> D revise(
            DocumentKind<V, C, D> kind,
            long documentId,
            int versionNumber,
            long expectedLockVersion,
            C content,
            String actor,
            String comment) {
        var version = find(kind, documentId, versionNumber);
        if (version.getLockVersion() != expectedLockVersion) {
            var history = eventsOf(kind, List.of(version.getId())).getOrDefault(version.getId(), List.of());
            var last = history.isEmpty() ? null : history.get(history.size() - 1);
            var who = last == null ? "someone" : last.actor() + " at " + last.at();
            throw new ConcurrentEditException(
                    "Version " + versionNumber + " of " + kind.name(documentId)
                            + " was changed by " + who + " after you loaded it (you have lock version "
                            + expectedLockVersion
                            + ", the current one is " + version.getLockVersion()
                            + "). Reload it and apply your changes again.",
                    last == null ? null : last.actor(),
                    last == null ? null : last.at(),
                    version.getLockVersion());
        }
        requireStorable(kind, content);
        kind.revise(version, content);
        kind.save(version);
        record(kind, version, "REVISED", actor, comment);
        return details(kind, version, List.of());
    }

    /** Validates the draft and sends it to review; 422 with the errors per field if it is not ready. */
    @Transactional
    public <V extends VersionedDocument, C, D> D submit(
            DocumentKind<V, C, D> kind, long documentId, int versionNumber, String actor, String comment) {
        var version = find(kind, documentId, versionNumber);
        if (version.getStatus() != Status.DRAFT) {
            throw new WorkflowException("Version " + versionNumber + " of " + kind.name(documentId) + " is "
                    + version.getStatus() + "; only a DRAFT version can be submitted for review.");
        }
        var report = kind.readiness(version);
        if (!report.errors().isEmpty()) {
            throw new DraftInvalidException(report.errors(), report.warnings());
        }
        version.submitForReview();
        record(kind, version, "SUBMITTED", actor, joined(comment, report.warnings()));
        return details(kind, version, report.warnings());
    }

    /** Returns a version in review to its author, or turns down a proposed retirement. */
    @Transactional
    public <V extends VersionedDocument, C, D> D returnToAuthor(
            DocumentKind<V, C, D> kind, long documentId, int versionNumber, String actor, String comment) {
        if (comment == null || comment.isBlank()) {
            throw new DraftInvalidException(List.of(new FieldMessage("comment", "say what must change")), List.of());
        }
        var version = find(kind, documentId, versionNumber);
        if (version.isRetirementProposal()) {
            version.withdrawRetirement();
            record(kind, version, "WITHDRAWN", actor, comment);
        } else {
            version.returnToDraft();
            record(kind, version, "RETURNED", actor, comment);
        }
        return details(kind, version, List.of());
    }

    /**
     * A second person's approval: of a version in review, or of a proposed retirement, which then takes effect on its
     * day (today if that has passed). Nobody approves what they, under any of their identities, wrote, submitted or
     * proposed.
     */
    @Transactional
    public <V extends VersionedDocument, C, D> D approve(
            DocumentKind<V, C, D> kind, long documentId, int versionNumber, String actor, String comment) {
        var version = find(kind, documentId, versionNumber);
        if (version.isRetirementProposal()) {
            requireSecondPerson(
                    kind, version, actor, "proposed retiring " + kind.name(documentId) + " and cannot confirm it");
            version.confirmRetirement(clock);
            replacePredecessors(kind, kind.versions(documentId), version, version.getValidFrom(), actor);
            record(kind, version, "RETIRED", actor, joined(comment, List.of("from " + version.getValidFrom())));
            refreshAfterCommit();
            return details(kind, version, List.of());
        }
        requireSecondPerson(
                kind,
                version,
                actor,
                "wrote or submitted version " + versionNumber + " of " + kind.name(documentId)
                        + " and cannot approve it");
        version.approve();
        record(kind, version, "APPROVED", actor, comment);
        return details(kind, version, List.of());
    }

    /**
     * Publishes an approved version from {@code validFrom} (today when null; a future date schedules the switch), ends
     * the versions of the same document it replaces then, and rebuilds the published picture after the commit.
     */
    @Transactional
    public <V extends VersionedDocument, C, D> D publish(
            DocumentKind<V, C, D> kind,
            long documentId,
            int versionNumber,
            LocalDate validFrom,
            String actor,
            String comment) {
        var version = find(kind, documentId, versionNumber);
        var from = validFrom == null ? LocalDate.now(clock) : validFrom;
        version.publish(from, clock);
        replacePredecessors(kind, kind.versions(documentId), version, from, actor);
        record(kind, version, "PUBLISHED", actor, joined(comment, List.of("valid from " + from)));
        refreshAfterCommit();
        return details(kind, version, List.of());
    }

    /**
     * Proposes retiring the document from {@code validFrom}. A second person confirms it with {@link #approve} (then
     * nothing is served from that day) or turns it down with {@link #returnToAuthor}.
     */
    @Transactional
    public <V extends VersionedDocument, C, D> D retire(
            DocumentKind<V, C, D> kind, long documentId, LocalDate validFrom, String actor, String comment) {
        var today = LocalDate.now(clock);
        var from = validFrom == null ? today : validFrom;
        if (from.isBefore(today)) {
            throw new DraftInvalidException(
                    List.of(new FieldMessage("validFrom", "must be today or later")), List.of());
        }
        if (comment == null || comment.isBlank()) {
            throw new DraftInvalidException(
                    List.of(new FieldMessage("comment", "say why " + kind.name(documentId) + " is retired")),
                    List.of());
        }
        var all = existing(kind, documentId);
        var current = all.stream()
                .filter(v -> v.getStatus() == Status.PUBLISHED)
                .findFirst()
                .orElseThrow(
                        () -> new WorkflowException(kind.name(documentId) + " has no published version to retire."));
        if (all.stream().anyMatch(VersionedDocument::isOpen)) {
            throw new WorkflowException(
                    "There is a version of " + kind.name(documentId) + " in progress; finish or return it first.");
        }
        var proposal =
                kind.save(kind.retirementProposal(documentId, all.get(0).getVersionNumber() + 1, current, from, actor));
        record(kind, proposal, "RETIREMENT_PROPOSED", actor, joined(comment, List.of("from " + from)));
        return details(kind, proposal, List.of());
    }

    private <V extends VersionedDocument> List<V> existing(DocumentKind<V, ?, ?> kind, long documentId) {
        var all = kind.versions(documentId);
        if (all.isEmpty()) {
            throw new ContentNotFoundException("There is no " + kind.name(documentId) + ".");
        }
        return all;
    }

    private <V extends VersionedDocument> V find(DocumentKind<V, ?, ?> kind, long documentId, int versionNumber) {
        return kind.version(documentId, versionNumber)
                .orElseThrow(() -> new ContentNotFoundException(
                        "There is no version " + versionNumber + " of " + kind.name(documentId) + "."));
    }

    private static <C> void requireStorable(DocumentKind<?, C, ?> kind, C content) {
        var errors = kind.storable(content);
        if (!errors.isEmpty()) {
            throw new DraftInvalidException(errors, List.of());
        }
    }

    /** Refuses {@code actor} if they, under any of their identities, created, saved, submitted or proposed it. */
    private void requireSecondPerson(
            DocumentKind<?, ?, ?> kind, VersionedDocument version, String actor, String refusal) {
        var involved = new HashSet<String>();
        involved.add(version.getCreatedBy());
        events.findByDocumentTypeAndDocumentVersionIdInOrderByIdAsc(kind.type(), List.of(version.getId())).stream()
                .filter(e -> AUTHORING_STEPS.contains(e.getAction()))
                .forEach(e -> involved.add(e.getActor()));
        fourEyes.requireSecondPerson(involved, actor, refusal);
    }

    /** Ends, on {@code from}, every other version that {@code successor} replaces then, and records it. */
    private void replacePredecessors(
            DocumentKind<?, ?, ?> kind,
            List<? extends VersionedDocument> versions,
            VersionedDocument successor,
            LocalDate from,
            String actor) {
        for (var other : versions) {
            if (other != successor && other.isReplacedBy(from)) {
                other.endValidity(from);
                record(
                        kind,
                        other,
                        "VALIDITY_ENDED",
                        actor,
                        "Replaced by version " + successor.getVersionNumber() + " from " + from);
            }
        }
    }

    private void record(
            DocumentKind<?, ?, ?> kind, VersionedDocument version, String action, String actor, String comment) {
        events.save(new VersionEvent(kind.type(), version.getId(), action, actor, comment, clock));
    }

    /** Announces the step; the published picture is rebuilt once the current transaction commits. */
    private void refreshAfterCommit() {
        changes.publishEvent(new VersionsChanged());
    }

    private <V extends VersionedDocument, D> D details(DocumentKind<V, ?, D> kind, V version, List<String> warnings) {
        return kind.details(
                version, eventsOf(kind, List.of(version.getId())).getOrDefault(version.getId(), List.of()), warnings);
    }

    private Map<Long, List<VersionEventDetails>> eventsOf(DocumentKind<?, ?, ?> kind, List<Long> versionIds) {
        var result = new LinkedHashMap<Long, List<VersionEventDetails>>();
        events.findByDocumentTypeAndDocumentVersionIdInOrderByIdAsc(kind.type(), versionIds)
                .forEach(e -> result.computeIfAbsent(e.getDocumentVersionId(), id -> new ArrayList<>())
                        .add(VersionEventDetails.of(e)));
        return result;
    }

    private static String joined(String comment, List<String> notes) {
        var parts = new ArrayList<String>();
        if (comment != null && !comment.isBlank()) {
            parts.add(comment);
        }
        parts.addAll(notes);
        return parts.isEmpty() ? null : String.join("; ", parts);
    }
}
