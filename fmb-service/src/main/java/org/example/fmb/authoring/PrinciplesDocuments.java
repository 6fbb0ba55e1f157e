package org.example.fmb.authoring;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.example.fmb.authoring.VersionEvent.DocumentType;
import org.springframework.stereotype.Component;

/**
 * The general principles for sick leave as the workflow handles them: one document (its id is {@link #ID}), whose
 * draft holds a title and markup. They are replaced by new versions, never created or retired.
 */
@Component
class PrinciplesDocuments implements DocumentKind<PrinciplesVersion, PrinciplesText, PrinciplesVersionDetails> {

    /** The one document of this kind. */
    static final long ID = 1;

    private final PrinciplesVersionRepository versions;
    private final Clock clock;

    PrinciplesDocuments(PrinciplesVersionRepository versions, Clock clock) {
        this.versions = versions;
        this.clock = clock;
    }

    @Override
    public DocumentType type() {
        return DocumentType.PRINCIPLES;
    }

    @Override
    public String name(long documentId) {
        return "the general principles";
    }

    @Override
    public List<PrinciplesVersion> versions(long documentId) {
        return versions.findAllByOrderByVersionNumberDesc();
    }

    @Override
    public Optional<PrinciplesVersion> version(long documentId, int versionNumber) {
        return versions.findByVersionNumber(versionNumber);
    }

    @Override
    public PrinciplesVersion save(PrinciplesVersion version) {
        return versions.saveAndFlush(version);
    }

    @Override
    public PrinciplesVersion draft(long documentId, int versionNumber, PrinciplesVersion source, String author) {
        return PrinciplesVersion.draft(versionNumber, source.getTitle(), source.getMarkup(), author, clock);
    }

    @Override
    public PrinciplesVersion create(Long requestedId, PrinciplesText content, String author) {
        throw new WorkflowException("There is one set of general principles; start a new draft of it instead.");
    }

    @Override
    public List<FieldMessage> storable(PrinciplesText text) {
        var errors = new ArrayList<>(MarkupPolicy.problems("markup", text.markup()));
        if (text.title() == null || text.title().isBlank()) {
            errors.add(new FieldMessage("title", "is required"));
        }
        return errors;
    }

    @Override
    public void revise(PrinciplesVersion draft, PrinciplesText text) {
        draft.revise(new PrinciplesText(text.title(), MarkupPolicy.sanitize(text.markup())), clock);
    }

    @Override
    public DraftValidationService.Report readiness(PrinciplesVersion draft) {
        return new DraftValidationService.Report(
                MarkupPolicy.hasText(draft.getMarkup())
                        ? List.of()
                        : List.of(new FieldMessage("markup", "is required")),
                List.of());
    }

    @Override
    public PrinciplesVersion retirementProposal(
            long documentId, int versionNumber, PrinciplesVersion published, LocalDate from, String actor) {
        throw new WorkflowException("The general principles cannot be retired; publish a new version instead.");
    }

    @Override
    public PrinciplesVersionDetails details(
            PrinciplesVersion v, List<VersionEventDetails> events, List<String> warnings) {
        return new PrinciplesVersionDetails(
                v.getVersionNumber(),
                v.getStatus(),
                v.getValidFrom(),
                v.getValidTo(),
                v.getLockVersion(),
                v.getTitle(),
                v.getMarkup(),
                v.getCreatedBy(),
                v.getCreatedAt(),
                events);
    }
}
