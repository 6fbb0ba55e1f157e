package org.example.deathcertificate.certificate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "death_certificate")
class DeathCertificate {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String certificateId;
    private String certificateType;
    private String version;

    @Enumerated(EnumType.STRING)
    private Channel channel;

    @Enumerated(EnumType.STRING)
    private Status status = Status.RECEIVED;

    private String personnummer;
    private LocalDate birthDate;
    private String dateOfDeathText;
    private LocalDate dateOfDeath;
    private boolean dateOfDeathCertain;
    private LocalDate foundDeadDate;
    private String placeOfDeathMunicipality;
    private String placeOfDeath;
    private String terminalCause;

    @JdbcTypeCode(SqlTypes.JSON)
    private String causeChain;

    @JdbcTypeCode(SqlTypes.JSON)
    private String contributingConditions;

    private String operation;
    private LocalDate operationDate;
    private boolean injuryOrPoisoning;
    private String injuryCause;
    private LocalDate injuryDate;

    @JdbcTypeCode(SqlTypes.JSON)
    private String grounds;

    private String careUnitId;
    private LocalDateTime signedAt;
    private String replacesCertificateId;

    @JdbcTypeCode(SqlTypes.JSON)
    private String answers;

    @Column(name = "original_xml")
    private byte[] originalXml;

    private Instant receivedAt;
    private Instant revokedAt;
    private String revocationMessage;
    private String contentHash;
    private String sender;

    protected DeathCertificate() { // for JPA
    }

    /** The JSON arguments are the certificate's own parts, already written as JSON by the service. */
    DeathCertificate(
            NewCertificate certificate,
            Channel channel,
            Json json,
            byte[] originalXml,
            Instant receivedAt,
            String contentHash,
            String sender) {
        this.certificateId = certificate.certificateId();
        this.certificateType = certificate.identity().type();
        this.version = certificate.identity().version();
        this.channel = channel;
        this.personnummer = certificate.deceased().personnummer();
        this.birthDate = certificate.deceased().personnummer() != null
                ? new Personnummer(certificate.deceased().personnummer()).birthDate()
                : certificate.deceased().birthDate();
        this.dateOfDeathText = certificate.death().dateOfDeath();
        this.dateOfDeath = certificate.exactDateOfDeath().orElse(null);
        this.dateOfDeathCertain = certificate.death().dateOfDeathCertain();
        this.foundDeadDate = certificate.death().foundDeadDate();
        this.placeOfDeathMunicipality = certificate.death().placeOfDeathMunicipality();
        this.placeOfDeath = certificate.death().placeOfDeath().name();
        this.terminalCause = certificate.causes().terminalCause().description();
        this.causeChain = json.causeChain();
        this.contributingConditions = json.contributingConditions();
        this.operation = certificate.surgery().operation().name();
        this.operationDate = certificate.surgery().operationDate();
        this.injuryOrPoisoning = certificate.injury().injuryOrPoisoning();
        this.injuryCause = certificate.injury().injuryCause() == null
                ? null
                : certificate.injury().injuryCause().name();
        this.injuryDate = certificate.injury().injuryDate();
        this.grounds = json.grounds();
        this.careUnitId = certificate.signing().careUnitId();
        this.signedAt = certificate.signing().signedAt();
        this.replacesCertificateId = certificate.basis().replacesCertificateId();
        this.answers = json.answers();
        this.originalXml = originalXml;
        this.receivedAt = receivedAt;
        this.contentHash = contentHash;
        this.sender = sender;
    }

    /**
     * A second delivery of this id is a repeat only when its content (hash) and its sender are this certificate's;
     * otherwise it is a clash and nothing changes. Rows stored before the hash was kept give theirs, recomputed, as
     * {@code storedHash} and have no sender to compare.
     */
    void confirmRepeat(String storedHash, String otherHash, String otherSender) {
        if (!storedHash.equals(otherHash)) {
            throw new CertificateConflictException("with other content");
        }
        if (sender != null && !sender.equals(otherSender)) {
            throw new CertificateConflictException("from another sender");
        }
    }

    /** Revocation keeps the certificate (it is evidence) and marks it no longer valid. */
    void revoke(Instant at, String message) {
        if (status == Status.REVOKED) {
            throw new CertificateAlreadyRevokedException();
        }
        status = Status.REVOKED;
        revokedAt = at;
        revocationMessage = message;
    }

    boolean belongsTo(String personnummer) {
        return this.personnummer == null || this.personnummer.equals(personnummer);
    }

    Long getId() {
        return id;
    }

    String getCertificateId() {
        return certificateId;
    }

    String getCertificateType() {
        return certificateType;
    }

    String getVersion() {
        return version;
    }

    Channel getChannel() {
        return channel;
    }

    Status getStatus() {
        return status;
    }

    String getPersonnummer() {
        return personnummer;
    }

    LocalDate getBirthDate() {
        return birthDate;
    }

    String getDateOfDeathText() {
        return dateOfDeathText;
    }

    LocalDate getDateOfDeath() {
        return dateOfDeath;
    }

    String getPlaceOfDeathMunicipality() {
        return placeOfDeathMunicipality;
    }

    String getTerminalCause() {
        return terminalCause;
    }

    String getReplacesCertificateId() {
        return replacesCertificateId;
    }

    String getAnswers() {
        return answers;
    }

    byte[] getOriginalXml() {
        return originalXml;
    }

    Instant getReceivedAt() {
        return receivedAt;
    }

    String getContentHash() {
        return contentHash;
    }

    String getRevocationMessage() {
        return revocationMessage;
    }

    Instant getRevokedAt() {
        return revokedAt;
    }

    /** The JSON columns of a certificate. */
    record Json(String causeChain, String contributingConditions, String grounds, String answers) {}

    enum Status {
        RECEIVED,
        REVOKED
    }
}
