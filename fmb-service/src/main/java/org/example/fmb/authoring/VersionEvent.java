package org.example.fmb.authoring;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Clock;
import java.time.Instant;

/** One step in the life of a version: who did what, when, and why. Never changed once written. */
@Entity
class VersionEvent {

    enum DocumentType {
        DIAGNOSIS,
        PRINCIPLES
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    private DocumentType documentType;

    private long documentVersionId;
    private String action;
    private String actor;
    private Instant occurredAt;
    private String comment;

    protected VersionEvent() {}

    VersionEvent(
            DocumentType documentType,
            long documentVersionId,
            String action,
            String actor,
            String comment,
            Clock clock) {
        this.documentType = documentType;
        this.documentVersionId = documentVersionId;
        this.action = action;
        this.actor = actor;
        this.comment = comment;
        this.occurredAt = clock.instant();
    }

    Long getId() {
        return id;
    }

    DocumentType getDocumentType() {
        return documentType;
    }

    long getDocumentVersionId() {
        return documentVersionId;
    }

    String getAction() {
        return action;
    }

    String getActor() {
        return actor;
    }

    Instant getOccurredAt() {
        return occurredAt;
    }

    String getComment() {
        return comment;
    }
}
