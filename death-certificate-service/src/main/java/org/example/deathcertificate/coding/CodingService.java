package org.example.deathcertificate.coding;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.example.deathcertificate.certificate.CauseLine;
import org.example.deathcertificate.certificate.CertificateDetails;
import org.example.deathcertificate.certificate.CertificateService;
import org.example.deathcertificate.certificate.NewCertificate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Coding of one certificate: what the coder sees (lines, suggestions, versions), saving a new version after the
 * register's rules, and a second coder's check. A version is never changed; a correction is the next version.
 */
@Service
@Transactional(readOnly = true)
public class CodingService {

    private static final Logger log = LoggerFactory.getLogger(CodingService.class);
    private static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");

    private final CertificateService certificates;
    private final CodingRepository codings;
    private final CodingCheckRepository checks;
    private final Icd10SeService icd;
    private final Regions regions;
    private final CodingProperties properties;
    private final Clock clock;

    CodingService(
            CertificateService certificates,
            CodingRepository codings,
            CodingCheckRepository checks,
            Icd10SeService icd,
            Regions regions,
            CodingProperties properties,
            Clock clock) {
        this.certificates = certificates;
        this.codings = codings;
        this.checks = checks;
        this.icd = icd;
        this.regions = regions;
        this.properties = properties;
        this.clock = clock;
    }

    public Workbench workbench(String certificateId) {
        var certificate = certificates.get(certificateId);
        var answers = certificate.answers();
        var version = icd.versionOn(codingDate(certificate));
        var lines = new ArrayList<Workbench.Line>();
        writtenLines(answers).forEach((label, text) -> {
            var cause = text instanceof CauseLine c ? c : null;
            var description = cause != null ? cause.description() : (String) text;
            lines.add(new Workbench.Line(
                    label,
                    description,
                    cause == null ? null : cause.onsetDate(),
                    cause == null || cause.specification() == null
                            ? null
                            : cause.specification().name(),
                    icd.suggest(description, version)));
        });
        var history = history(certificateId);
        var current = history.isEmpty() ? null : history.get(0);
        Map<String, List<String>> codes = new LinkedHashMap<>();
        if (current != null) {
            current.lines()
                    .forEach(line -> codes.put(
                            line.line(),
                            line.codes().stream().map(CodingDetails.Code::code).toList()));
        } else {
            lines.forEach(line -> codes.put(
                    line.line(),
                    line.suggestions().isEmpty()
                            ? List.of()
                            : List.of(line.suggestions().get(0).code())));
        }
        var suggestion = suggestUnderlying(codes, answers.injury().injuryOrPoisoning(), version);
        return new Workbench(
                certificate.certificateId(),
                certificate.channel(),
                certificate.status(),
                certificate.dateOfDeath(),
                certificate.receivedAt(),
                answers.death().placeOfDeathMunicipality(),
                regions.regionOf(answers.death().placeOfDeathMunicipality()).orElse(null),
                version,
                lines,
                new Workbench.Manner(
                        Boolean.TRUE.equals(answers.injury().injuryOrPoisoning()),
                        answers.injury().injuryCause() == null
                                ? null
                                : answers.injury().injuryCause().name(),
                        answers.injury().injuryDate(),
                        answers.injury().injuryDescription()),
                new Workbench.Operation(
                        answers.surgery().operation() == null
                                ? null
                                : answers.surgery().operation().name(),
                        answers.surgery().operationDate(),
                        answers.surgery().operationReason()),
                answers.basis().grounds().stream().map(Enum::name).toList(),
                suggestion,
                state(current),
                properties.secondCheckRequired(),
                current,
                history);
    }

    /** Every version, newest first, with its checks. */
    public List<CodingDetails> history(String certificateId) {
        var versions = codings.findByCertificateIdOrderByVersionDesc(certificateId);
        if (versions.isEmpty()) {
            return List.of();
        }
        var byCoding = new LinkedHashMap<Long, List<CodingCheck>>();
        checks.findByCodingIdInOrderByCheckedAt(
                        versions.stream().map(Coding::getId).toList())
                .forEach(check -> byCoding.computeIfAbsent(check.getCodingId(), id -> new ArrayList<>())
                        .add(check));
        return versions.stream()
                .map(coding -> CodingDetails.of(coding, byCoding.getOrDefault(coding.getId(), List.of())))
                .toList();
    }

    /** Saves the next version of the coding after checking every code against ICD-10-SE on the date of death. */
    @Transactional
    public CodingDetails code(String certificateId, NewCoding request, String coder) {
        var certificate = certificates.get(certificateId);
        if (!"RECEIVED".equals(certificate.status())) {
            throw new CodingConflictException(
                    "Certificate " + certificateId + " is " + certificate.status() + " and is not coded");
        }
        var answers = certificate.answers();
        var version = icd.versionOn(codingDate(certificate));
        var written = writtenLines(answers);
        var problems = new ArrayList<InvalidCodingException.Problem>();
        var lines = new ArrayList<StoredLine>();
        var seen = new HashSet<String>();
        for (int i = 0; i < request.lines().size(); i++) {
            var line = request.lines().get(i);
            var field = "lines[" + i + "]";
            if (!written.containsKey(line.line())) {
                problems.add(new InvalidCodingException.Problem(
                        field + ".line", "the certificate has no line " + line.line()));
                continue;
            }
            if (!seen.add(line.line())) {
                problems.add(
                        new InvalidCodingException.Problem(field + ".line", "line " + line.line() + " is coded twice"));
                continue;
            }
            var codes = new ArrayList<String>();
            if (line.codes().isEmpty()) {
                problems.add(
                        new InvalidCodingException.Problem(field + ".codes", "line " + line.line() + " has no code"));
            }
            for (int j = 0; j < line.codes().size(); j++) {
                checkCode(line.codes().get(j), version, field + ".codes[" + j + "]", problems)
                        .ifPresent(codes::add);
            }
            lines.add(new StoredLine(
                    line.line(),
                    codes,
                    codes.stream().map(code -> icd.who(code, version)).toList()));
        }
        written.keySet().stream()
                .filter(label -> !seen.contains(label))
                .forEach(label -> problems.add(new InvalidCodingException.Problem(
                        "lines", "line " + label + " is written on the certificate but not coded")));
        var underlying = checkCode(request.underlyingCause(), version, "underlyingCause", problems);
        underlying.ifPresent(code -> {
            if (icd.lookup(code, version).map(Concept::manifestation).orElse(false)) {
                problems.add(new InvalidCodingException.Problem(
                        "underlyingCause",
                        Icd10Code.dotted(code) + " is a manifestation (*) code and cannot be the underlying cause"));
            }
            if (Boolean.TRUE.equals(answers.injury().injuryOrPoisoning()) && !new Icd10Code(code).isExternalCause()) {
                problems.add(new InvalidCodingException.Problem(
                        "underlyingCause",
                        "the death followed an injury or poisoning ("
                                + (answers.injury().injuryCause() == null
                                        ? "manner not given"
                                        : answers.injury().injuryCause().name())
                                + "): the underlying cause must be an external cause (V01–Y98), was "
                                + Icd10Code.dotted(code)));
            }
        });
        if (!problems.isEmpty()) {
            throw new InvalidCodingException(problems);
        }
        var latest = codings.findFirstByCertificateIdOrderByVersionDesc(certificateId);
        int latestVersion = latest.map(Coding::getVersion).orElse(0);
        int basedOn = request.basedOnVersion() == null ? 0 : request.basedOnVersion();
        if (basedOn != latestVersion) {
            throw new CodingConflictException("The coding of " + certificateId + " is at version " + latestVersion
                    + ", not " + basedOn + "; reload and code again");
        }
        Map<String, List<String>> codes = new LinkedHashMap<>();
        lines.forEach(line -> codes.put(line.line(), line.codes()));
        var suggested = suggestUnderlying(codes, answers.injury().injuryOrPoisoning(), version);
        var coding = new Coding(
                certificateId,
                latestVersion + 1,
                coder,
                clock.instant(),
                version,
                lines,
                underlying.get(),
                icd.who(underlying.get(), version),
                suggested == null ? null : suggested.code(),
                request.note());
        try {
            codings.saveAndFlush(coding);
        } catch (DataIntegrityViolationException e) {
            throw new CodingConflictException("Another coder saved version " + (latestVersion + 1) + " of "
                    + certificateId + " at the same time; reload and code again");
        }
        log.info("Coded certificate {} version {}", certificateId, coding.getVersion());
        return CodingDetails.of(coding, List.of());
    }

    /** A second coder agrees or not with the latest version; the coder of that version cannot check it. */
    @Transactional
    public CodingDetails check(String certificateId, NewCheck request, String checker) {
        var latest = codings.findFirstByCertificateIdOrderByVersionDesc(certificateId)
                .orElseThrow(() -> new CodingConflictException("Certificate " + certificateId + " has not been coded"));
        if (latest.getVersion() != request.version()) {
            throw new CodingConflictException("Version " + request.version() + " is not the latest coding of "
                    + certificateId + " (that is " + latest.getVersion() + ")");
        }
        if (!latest.canBeCheckedBy(checker)) {
            throw new CodingConflictException("A coding is checked by a second coder, not by the one who made it");
        }
        try {
            checks.saveAndFlush(
                    new CodingCheck(latest.getId(), checker, clock.instant(), request.agrees(), request.comment()));
        } catch (DataIntegrityViolationException e) {
            throw new CodingConflictException("You have already checked version " + request.version());
        }
        log.info(
                "Checked coding of {} version {}: {}",
                certificateId,
                request.version(),
                request.agrees() ? "agrees" : "disagrees");
        return history(certificateId).get(0);
    }

    private Optional<String> checkCode(
            String given, String version, String field, List<InvalidCodingException.Problem> problems) {
        if (!Icd10Code.looksLikeCode(given)) {
            problems.add(new InvalidCodingException.Problem(field, "'" + given + "' is not an ICD-10 code"));
            return Optional.empty();
        }
        var code = new Icd10Code(given).value();
        var concept = icd.lookup(code, version);
        if (concept.isEmpty()) {
            problems.add(new InvalidCodingException.Problem(
                    field,
                    Icd10Code.dotted(code) + " does not exist in ICD-10-SE " + version
                            + " (the version valid on the date of death)"));
            return Optional.empty();
        }
        if (!concept.get().selectable()) {
            problems.add(new InvalidCodingException.Problem(field, code + " is a chapter or block, not a code"));
            return Optional.empty();
        }
        return Optional.of(code);
    }

    private UnderlyingSuggestion suggestUnderlying(Map<String, List<String>> codes, Boolean injury, String version) {
        var chain = List.of("A", "B", "C", "D").stream()
                .map(label -> codes.getOrDefault(label, List.of()))
                .toList();
        return GeneralPrinciple.suggest(
                        chain,
                        codes.getOrDefault("12", List.of()),
                        Boolean.TRUE.equals(injury),
                        code -> icd.lookup(code, version)
                                .map(Concept::manifestation)
                                .orElse(false))
                .map(s -> new UnderlyingSuggestion(
                        s.code(), Icd10Code.dotted(s.code()), icd.who(s.code(), version), s.rule(), s.explanation()))
                .orElse(null);
    }

    private String state(CodingDetails current) {
        if (current == null) {
            return "UNCODED";
        }
        if (current.disputed()) {
            return "DISPUTED";
        }
        return current.checked() ? "CHECKED" : "CODED";
    }

    /** The written lines by label: cause chain A–D, contributing 10.1…, and 12 (how an injury came about). */
    private static Map<String, Object> writtenLines(NewCertificate answers) {
        var lines = new LinkedHashMap<String, Object>();
        var chain = answers.causeChain();
        for (int i = 0; i < chain.size(); i++) {
            lines.put(String.valueOf((char) ('A' + i)), chain.get(i));
        }
        for (int i = 0; i < answers.causes().contributingConditions().size(); i++) {
            lines.put("10." + (i + 1), answers.causes().contributingConditions().get(i));
        }
        if (Boolean.TRUE.equals(answers.injury().injuryOrPoisoning())
                && answers.injury().injuryDescription() != null
                && !answers.injury().injuryDescription().isBlank()) {
            lines.put("12", answers.injury().injuryDescription());
        }
        return lines;
    }

    /** The date whose ICD-10-SE version applies: the date of death, or as much of it as is known. */
    private LocalDate codingDate(CertificateDetails certificate) {
        var answers = certificate.answers();
        var exact = answers.exactDateOfDeath();
        if (exact.isPresent()) {
            return exact.get();
        }
        var parts = answers.death().dateOfDeath().split("-");
        int year = Integer.parseInt(parts[0]);
        int month = Integer.parseInt(parts[1]);
        if (year > 0) {
            return LocalDate.of(year, Math.max(month, 1), 1);
        }
        return Objects.requireNonNullElse(
                answers.death().foundDeadDate(), LocalDate.ofInstant(certificate.receivedAt(), SWEDEN));
    }
}
