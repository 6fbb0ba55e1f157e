package org.example.deathcertificate.coding;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/** A second coder's verdict on one coding version. */
@Entity
@Immutable
class CodingCheck {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long codingId;
    private String checkedBy;
    private Instant checkedAt;
    private boolean agrees;
    private String comment;

    protected CodingCheck() {}

    CodingCheck(Long codingId, String checkedBy, Instant checkedAt, boolean agrees, String comment) {
        this.codingId = codingId;
        this.checkedBy = checkedBy;
        this.checkedAt = checkedAt;
        this.agrees = agrees;
        this.comment = comment;
    }

    Long getCodingId() {
        return codingId;
    }

    String getCheckedBy() {
        return checkedBy;
    }

    Instant getCheckedAt() {
        return checkedAt;
    }

    boolean isAgrees() {
        return agrees;
    }

    String getComment() {
        return comment;
    }
}
