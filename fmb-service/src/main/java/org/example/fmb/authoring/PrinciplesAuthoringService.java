package org.example.fmb.authoring;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.example.fmb.authoring.VersionEvent.DocumentType;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The same workflow as for diagnoses, for the general principles for sick leave. */
@Service
@Transactional(readOnly = true)
public class PrinciplesAuthoringService {

    private final PrinciplesVersionRepository versions;
    private final VersionEventRepository events;
    private final VersionWorkflow workflow;
    private final Clock clock;

    PrinciplesAuthoringService(
            PrinciplesVersionRepository versions,
            VersionEventRepository events,
            VersionWorkflow workflow,
            Clock clock) {
        this.versions = versions;
        this.events = events;
        this.workflow = workflow;
        this.clock = clock;
    }

    public List<PrinciplesVersionDetails> history() {
        return versions.findAllByOrderByVersionNumberDesc().stream()
                .map(this::details)
                .toList();
    }

    public PrinciplesVersionDetails version(int number) {
        return details(find(number));
    }

    @Transactional
    public PrinciplesVersionDetails startDraft(String actor, String comment) {
        var all = versions.findAllByOrderByVersionNumberDesc();
        all.stream().filter(PrinciplesVersion::isOpen).findFirst().ifPresent(open -> {
            throw new WorkflowException("Version " + open.getVersionNumber() + " of the general principles is "
                    + open.getStatus() + "; finish or return it first.");
        });
        var source = all.stream()
                .findFirst()
                .orElseThrow(() -> new ContentNotFoundException("The general principles have no version yet."));
        var draft = versions.save(PrinciplesVersion.draft(
                source.getVersionNumber() + 1, source.getTitle(), source.getMarkup(), actor, clock));
        record(
                draft,
                "CREATED",
                actor,
                comment == null ? "Draft based on version " + source.getVersionNumber() : comment);
        return details(draft);
    }

    @Transactional
    public PrinciplesVersionDetails revise(
            int number, long expectedLockVersion, String title, String markup, String actor, String comment) {
        var version = find(number);
        if (version.getLockVersion() != expectedLockVersion) {
            throw new ConcurrentEditException("Version " + number
                    + " of the general principles was changed by someone else"
                    + " after you loaded it (you have lock version " + expectedLockVersion + ", the current one is "
                    + version.getLockVersion() + "). Reload it and apply your changes again.");
        }
        var errors = new ArrayList<>(MarkupPolicy.problems("markup", markup));
        if (title == null || title.isBlank()) {
            errors.add(new FieldMessage("title", "is required"));
        }
        if (!errors.isEmpty()) {
            throw new DraftInvalidException(errors, List.of());
        }
        version.revise(title, MarkupPolicy.sanitize(markup), clock);
        versions.saveAndFlush(version);
        record(version, "REVISED", actor, comment);
        return details(version);
    }

    @Transactional
    public PrinciplesVersionDetails submit(int number, String actor, String comment) {
        var version = find(number);
        if (!MarkupPolicy.hasText(version.getMarkup())) {
            throw new DraftInvalidException(List.of(new FieldMessage("markup", "is required")), List.of());
        }
        workflow.submit(DocumentType.PRINCIPLES, version, actor, comment);
        return details(version);
    }

    @Transactional
    public PrinciplesVersionDetails returnToAuthor(int number, String actor, String comment) {
        if (comment == null || comment.isBlank()) {
            throw new DraftInvalidException(List.of(new FieldMessage("comment", "say what must change")), List.of());
        }
        var version = find(number);
        workflow.returnToAuthor(DocumentType.PRINCIPLES, version, actor, comment);
        return details(version);
    }

    @Transactional
    public PrinciplesVersionDetails approve(int number, String actor, String comment) {
        var version = find(number);
        workflow.approve(
                DocumentType.PRINCIPLES,
                version,
                actor,
                comment,
                "wrote or submitted version " + number + " of the general principles and cannot approve it");
        return details(version);
    }

    @Transactional
    public PrinciplesVersionDetails publish(int number, LocalDate validFrom, String actor, String comment) {
        var version = find(number);
        workflow.publish(
                DocumentType.PRINCIPLES,
                version,
                versions::findAllByOrderByVersionNumberDesc,
                validFrom,
                actor,
                comment);
        return details(version);
    }

    private PrinciplesVersion find(int number) {
        return versions.findByVersionNumber(number)
                .orElseThrow(
                        () -> new ContentNotFoundException("The general principles have no version " + number + "."));
    }

    private void record(PrinciplesVersion version, String action, String actor, String comment) {
        workflow.record(DocumentType.PRINCIPLES, version, action, actor, comment);
    }

    private PrinciplesVersionDetails details(PrinciplesVersion v) {
        var history = events
                .findByDocumentTypeAndDocumentVersionIdInOrderByIdAsc(DocumentType.PRINCIPLES, List.of(v.getId()))
                .stream()
                .map(VersionEventDetails::of)
                .toList();
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
                history);
    }
}
