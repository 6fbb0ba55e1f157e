package org.example.fmb.authoring;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.example.fmb.authoring.VersionEvent.DocumentType;

/**
 * What differs between the kinds of document the one workflow ({@link AuthoringService}) handles: where their
 * versions are kept, what a draft holds ({@code C}), how it is checked, and how a version is shown ({@code D}).
 *
 * @param <V> the version entity
 * @param <C> what an editor writes into a draft
 * @param <D> a version as editors and reviewers see it
 */
interface DocumentKind<V extends VersionedDocument, C, D> {

    DocumentType type();

    /** The document as messages name it mid-sentence, e.g. "diagnosis 508" or "the general principles". */
    String name(long documentId);

    /** Every version of the document, newest first. */
    List<V> versions(long documentId);

    Optional<V> version(long documentId, int versionNumber);

    /** Stores the version and flushes, so that a concurrent change fails here. */
    V save(V version);

    /** A new draft numbered {@code versionNumber} holding a copy of {@code source}. */
    V draft(long documentId, int versionNumber, V source, String author);

    /** A document that does not exist yet, with {@code content} as its first draft; its id is chosen when null. */
    V create(Long requestedId, C content, String author);

    /** What even a draft must satisfy to be stored. */
    List<FieldMessage> storable(C content);

    /** Writes edited (storable) content into a draft, normalised and with its markup sanitised. */
    void revise(V draft, C content);

    /** What a draft must satisfy before review: errors block it, warnings are what could not be verified. */
    DraftValidationService.Report readiness(V draft);

    /** A proposal to retire the document from {@code from}, keeping the content of its published version. */
    V retirementProposal(long documentId, int versionNumber, V published, LocalDate from, String actor);

    D details(V version, List<VersionEventDetails> events, List<String> warnings);
}
