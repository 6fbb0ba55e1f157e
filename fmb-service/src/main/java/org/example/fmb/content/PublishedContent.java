package org.example.fmb.content;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.example.fmb.authoring.Code;
import org.example.fmb.authoring.PublishedDiagnosis;
import org.example.fmb.authoring.PublishedPrinciples;

/**
 * An immutable picture of everything served on one day at one revision of the content: the
 * published diagnoses (ordered by id) with an index by ICD-10 code, and the general principles.
 */
public final class PublishedContent {

    private final long revision;
    private final LocalDate day;
    private final Instant builtAt;
    private final List<PublishedDiagnosis> diagnoses;
    private final Map<Long, PublishedDiagnosis> byId = new LinkedHashMap<>();
    private final Map<String, PublishedDiagnosis> byCode = new LinkedHashMap<>();
    private final PublishedPrinciples principles;

    PublishedContent(
            long revision,
            LocalDate day,
            Instant builtAt,
            List<PublishedDiagnosis> diagnoses,
            PublishedPrinciples principles) {
        this.revision = revision;
        this.day = day;
        this.builtAt = builtAt;
        this.diagnoses = List.copyOf(diagnoses);
        this.principles = principles;
        for (var diagnosis : this.diagnoses) {
            byId.put(diagnosis.id(), diagnosis);
            diagnosis
                    .content()
                    .icd10Codes()
                    .forEach(code -> byCode.putIfAbsent(Code.normalized(code.kod()), diagnosis));
        }
    }

    public long revision() {
        return revision;
    }

    public LocalDate day() {
        return day;
    }

    public Instant builtAt() {
        return builtAt;
    }

    public List<PublishedDiagnosis> diagnoses() {
        return diagnoses;
    }

    public Optional<PublishedDiagnosis> diagnosis(long id) {
        return Optional.ofNullable(byId.get(id));
    }

    public Optional<PublishedPrinciples> principles() {
        return Optional.ofNullable(principles);
    }

    public Map<String, PublishedDiagnosis> codeIndex() {
        return Collections.unmodifiableMap(byCode);
    }

    /**
     * The diagnosis for an ICD-10-SE code, with or without dot: the code itself, else its parents
     * down to three characters (F32.1 → F321 → F32), never below.
     */
    public Optional<CodeMatch> byCode(String code) {
        var normalized = Code.normalized(code);
        for (var candidate = normalized;
                candidate.length() >= 3;
                candidate = candidate.substring(0, candidate.length() - 1)) {
            var hit = byCode.get(candidate);
            if (hit != null) {
                return Optional.of(new CodeMatch(normalized, candidate, hit));
            }
        }
        return Optional.empty();
    }

    /** A diagnosis found for a requested code, with the code that matched. */
    public record CodeMatch(String requestedCode, String matchedCode, PublishedDiagnosis diagnosis) {}
}
