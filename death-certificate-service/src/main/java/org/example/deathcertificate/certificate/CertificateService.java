package org.example.deathcertificate.certificate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.criteria.Predicate;
import jakarta.validation.Validator;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import org.example.platform.error.JsonFieldNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import se.riv.clinicalprocess.healthcond.certificate.v3.Intyg;

/**
 * Registers certificates exactly once, whichever way they come: the form's rules (Schematron), then the register's
 * own rules, then one insert that is committed before the caller hears "stored". A second delivery of the same id
 * finds the first and changes nothing.
 */
@Service
@Transactional(readOnly = true)
public class CertificateService {

    private static final Logger log = LoggerFactory.getLogger(CertificateService.class);

    private final CertificateRepository certificates;
    private final DoiSchematron schematron;
    private final Validator validator;
    private final ObjectMapper json;
    private final TransactionTemplate writes;
    private final CertificateProperties properties;
    private final Clock clock;

    CertificateService(
            CertificateRepository certificates,
            DoiSchematron schematron,
            Validator validator,
            ObjectMapper json,
            PlatformTransactionManager transactions,
            CertificateProperties properties,
            Clock clock) {
        this.certificates = certificates;
        this.schematron = schematron;
        this.validator = validator;
        this.json = json;
        this.writes = new TransactionTemplate(transactions);
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Registers a certificate received from Webcert over RIVTA: the whole message as received is checked against
     * the DOI Schematron rules, the element RegisterCertificate is kept byte for byte.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public Registration registerReceived(byte[] message, byte[] originalElement, Intyg intyg, String sender) {
        var violations = new ArrayList<>(schematron.validate(message));
        if (!violations.isEmpty()) {
            throw new CertificateValidationException(violations);
        }
        return store(DoiIntyg.read(intyg), Channel.WEBCERT, originalElement, sender);
    }

    /**
     * Registers a certificate given as JSON (channel API) or typed in from paper by the authority (channel PAPER).
     * The sender is the authenticated caller; a repeat must come from the same one.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public Registration register(NewCertificate certificate, Channel channel, String sender) {
        var violations = new ArrayList<Violation>();
        validator
                .validate(certificate)
                .forEach(v -> violations.add(new Violation(
                        JsonFieldNames.of(
                                NewCertificate.class, v.getPropertyPath().toString()),
                        v.getMessage())));
        if (!violations.isEmpty()) {
            throw new CertificateValidationException(violations);
        }
        violations.addAll(schematron.validate(DoiIntyg.write(certificate)));
        if (!violations.isEmpty()) {
            throw new CertificateValidationException(violations);
        }
        return store(certificate, channel, null, sender);
    }

    private Registration store(NewCertificate certificate, Channel channel, byte[] originalElement, String sender) {
        var violations = new ArrayList<Violation>();
        validator
                .validate(certificate)
                .forEach(v -> violations.add(new Violation(
                        JsonFieldNames.of(
                                NewCertificate.class, v.getPropertyPath().toString()),
                        v.getMessage())));
        violations.addAll(certificate.violations(LocalDate.now(clock), channel != Channel.PAPER));
        if (!violations.isEmpty()) {
            throw new CertificateValidationException(violations);
        }
        // Insert first: a new certificate costs one statement in one transaction; a repeat (rare: a resend, or two
        // deliveries at once) meets the unique constraint, finds the stored row and changes nothing. It is a repeat
        // only when content and sender are the same; anything else is a clash, answered as such.
        var id = certificate.certificateId();
        var parts = jsonParts(certificate);
        var hash = contentHash(parts.answers());
        var entity = new DeathCertificate(certificate, channel, parts, originalElement, clock.instant(), hash, sender);
        try {
            writes.executeWithoutResult(status -> certificates.saveAndFlush(entity));
        } catch (DataIntegrityViolationException e) {
            var stored = certificates.findByCertificateId(id).orElseThrow(() -> e);
            var storedHash = stored.getContentHash() != null ? stored.getContentHash() : contentHash(canonical(stored));
            try {
                stored.confirmRepeat(storedHash, hash, sender);
            } catch (CertificateConflictException conflict) {
                log.warn("Certificate {} from {} clashes with the stored one; not stored", id, channel);
                throw conflict;
            }
            return new Registration(id, false);
        }
        log.info("Registered certificate {} from {}", id, channel);
        return new Registration(id, true);
    }

    /** Revokes a certificate of the given patient; it is kept, marked revoked. */
    @Transactional
    public void revoke(String certificateId, String personnummer, String message) {
        var certificate = certificates
                .findByCertificateId(certificateId)
                .filter(found -> personnummer == null || found.belongsTo(personnummer))
                .orElseThrow(CertificateNotFoundException::new);
        certificate.revoke(clock.instant(), message);
        certificates.flush();
        log.info("Revoked certificate {}", certificateId);
    }

    public CertificateDetails get(String certificateId) {
        var certificate = find(certificateId);
        return CertificateDetails.of(certificate, answers(certificate), certificates.findReplacements(certificateId));
    }

    /** The RegisterCertificate element exactly as it was received. */
    public byte[] original(String certificateId) {
        var original = find(certificateId).getOriginalXml();
        if (original == null) {
            throw new OriginalNotStoredException();
        }
        return original;
    }

    public Page<CertificateSummary> search(CertificateQuery query, int page, Integer size) {
        int pageSize = size == null ? properties.pageSize() : Math.min(Math.max(size, 1), properties.maxPageSize());
        Specification<DeathCertificate> where = (root, criteria, builder) -> {
            var predicates = new ArrayList<Predicate>();
            if (query.dateOfDeathFrom() != null) {
                predicates.add(builder.greaterThanOrEqualTo(root.get("dateOfDeath"), query.dateOfDeathFrom()));
            }
            if (query.dateOfDeathTo() != null) {
                predicates.add(builder.lessThanOrEqualTo(root.get("dateOfDeath"), query.dateOfDeathTo()));
            }
            if (query.status() != null) {
                predicates.add(builder.equal(
                        root.get("status"),
                        DeathCertificate.Status.valueOf(query.status().name())));
            }
            if (query.channel() != null) {
                predicates.add(builder.equal(root.get("channel"), query.channel()));
            }
            return builder.and(predicates.toArray(Predicate[]::new));
        };
        var request = PageRequest.of(Math.max(page, 0), pageSize, Sort.by("receivedAt", "id"));
        return certificates.findAll(where, request).map(CertificateSummary::of);
    }

    private DeathCertificate find(String certificateId) {
        return certificates.findByCertificateId(certificateId).orElseThrow(CertificateNotFoundException::new);
    }

    private NewCertificate answers(DeathCertificate certificate) {
        try {
            return json.readValue(certificate.getAnswers(), NewCertificate.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored answers of a certificate could not be read", e);
        }
    }

    /** The stored answers as the service writes them today (rows from before V2 have no hash of their own). */
    private String canonical(DeathCertificate certificate) {
        try {
            return json.writeValueAsString(answers(certificate));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored answers of a certificate could not be written", e);
        }
    }

    private static String contentHash(String canonicalJson) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(canonicalJson.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private DeathCertificate.Json jsonParts(NewCertificate certificate) {
        try {
            return new DeathCertificate.Json(
                    json.writeValueAsString(certificate.causeChain()),
                    json.writeValueAsString(certificate.causes().contributingConditions()),
                    json.writeValueAsString(certificate.basis().grounds()),
                    json.writeValueAsString(certificate));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A certificate could not be written as JSON", e);
        }
    }
}
