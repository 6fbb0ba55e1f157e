package org.example.deathcertificate.coding;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.List;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One saved version of a certificate's coding; never changed once written (a correction is a new version). */
@Entity
@Immutable
class Coding {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String certificateId;
    private int version;
    private String codedBy;
    private Instant codedAt;
    private String codeSystemVersion;

    @JdbcTypeCode(SqlTypes.JSON)
    private List<StoredLine> lines;

    private String underlyingCause;
    private String underlyingCauseWho;
    private String suggestedUnderlying;
    private String note;

    protected Coding() {}

    Coding(
            String certificateId,
            int version,
            String codedBy,
            Instant codedAt,
            String codeSystemVersion,
            List<StoredLine> lines,
            String underlyingCause,
            String underlyingCauseWho,
            String suggestedUnderlying,
            String note) {
        this.certificateId = certificateId;
        this.version = version;
        this.codedBy = codedBy;
        this.codedAt = codedAt;
        this.codeSystemVersion = codeSystemVersion;
        this.lines = List.copyOf(lines);
        this.underlyingCause = underlyingCause;
        this.underlyingCauseWho = underlyingCauseWho;
        this.suggestedUnderlying = suggestedUnderlying;
        this.note = note;
    }

    /** A check by the coder who made this version would not be a second pair of eyes. */
    boolean canBeCheckedBy(String checker) {
        return !codedBy.equals(checker);
    }

    Long getId() {
        return id;
    }

    String getCertificateId() {
        return certificateId;
    }

    int getVersion() {
        return version;
    }

    String getCodedBy() {
        return codedBy;
    }

    Instant getCodedAt() {
        return codedAt;
    }

    String getCodeSystemVersion() {
        return codeSystemVersion;
    }

    List<StoredLine> getLines() {
        return lines;
    }

    String getUnderlyingCause() {
        return underlyingCause;
    }

    String getUnderlyingCauseWho() {
        return underlyingCauseWho;
    }

    String getSuggestedUnderlying() {
        return suggestedUnderlying;
    }

    String getNote() {
        return note;
    }
}
