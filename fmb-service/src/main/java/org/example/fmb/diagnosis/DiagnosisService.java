package org.example.fmb.diagnosis;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import org.example.fmb.authoring.Code;
import org.example.fmb.authoring.PublishedDiagnosis;
import org.example.fmb.authoring.PublishedPrinciples;
import org.example.fmb.content.PublishedContent;
import org.example.fmb.content.PublishedContent.CodeMatch;
import org.example.fmb.content.PublishedContentService;
import org.example.fmb.statistics.LookupStatisticsService;
import org.springframework.stereotype.Service;

/** Reads the published content for the modern API and counts each diagnosis lookup. */
@Service
public class DiagnosisService {

    private final PublishedContentService content;
    private final LookupStatisticsService statistics;
    private final ObjectMapper json;
    private volatile DetailsCache cache = new DetailsCache(null);

    DiagnosisService(PublishedContentService content, LookupStatisticsService statistics, ObjectMapper json) {
        this.content = content;
        this.statistics = statistics;
        this.json = json;
    }

    /** The published diagnosis for a code (F32.1 → F321 → F32, never below three characters). */
    public Found byCode(String code) {
        var match = match(content.current(), code);
        return new Found(
                match.diagnosis(), details(match.diagnosis()).forCode(match.requestedCode(), match.matchedCode()));
    }

    /** As {@link #byCode}, as the diagnosis' JSON serialized once per published version. */
    DocumentMatch documentByCode(String code) {
        var snapshot = content.current();
        var match = match(snapshot, code);
        return new DocumentMatch(document(snapshot, match.diagnosis()), match.requestedCode(), match.matchedCode());
    }

    /** As {@link #byId}, as the diagnosis' JSON serialized once per published version. */
    DiagnosisDocument documentById(long id) {
        var snapshot = content.current();
        return document(snapshot, diagnosis(snapshot, id));
    }

    public Found byId(long id) {
        var diagnosis = diagnosis(content.current(), id);
        return new Found(diagnosis, details(diagnosis));
    }

    /** The diagnosis a code finds in the published picture, counted as a lookup. */
    private CodeMatch match(PublishedContent snapshot, String code) {
        if (Code.normalized(code).length() < 3) {
            throw new DiagnosisNotFoundException(
                    "An ICD-10-SE code has at least three characters; got '" + code + "'.");
        }
        var match = snapshot.byCode(code)
                .orElseThrow(() -> new DiagnosisNotFoundException(
                        "No FMB diagnosis for ICD-10-SE code '" + code + "' or its parent codes."));
        statistics.count(match.diagnosis().id());
        return match;
    }

    /** The published diagnosis with an id, counted as a lookup. */
    private PublishedDiagnosis diagnosis(PublishedContent snapshot, long id) {
        var diagnosis = snapshot.diagnosis(id)
                .orElseThrow(() -> new DiagnosisNotFoundException("No published FMB diagnosis with id " + id + "."));
        statistics.count(id);
        return diagnosis;
    }

    /** Response records are built once per published picture and diagnosis. */
    private DiagnosisDetails details(PublishedDiagnosis diagnosis) {
        return cacheFor(content.current())
                .details
                .computeIfAbsent(diagnosis.id(), id -> DiagnosisDetails.of(diagnosis, null, null));
    }

    /** JSON bytes and ETag are made once per published picture and diagnosis. */
    private DiagnosisDocument document(PublishedContent snapshot, PublishedDiagnosis diagnosis) {
        var current = cacheFor(snapshot);
        var document = current.documents.get(diagnosis.id());
        if (document == null) {
            var details =
                    current.details.computeIfAbsent(diagnosis.id(), id -> DiagnosisDetails.of(diagnosis, null, null));
            document = current.documents.computeIfAbsent(
                    diagnosis.id(), id -> DiagnosisDocument.of(diagnosis, details, json));
        }
        return document;
    }

    private DetailsCache cacheFor(PublishedContent snapshot) {
        var current = cache;
        if (current.snapshot != snapshot) {
            current = new DetailsCache(snapshot);
            cache = current;
        }
        return current;
    }

    private record DetailsCache(
            PublishedContent snapshot,
            ConcurrentHashMap<Long, DiagnosisDetails> details,
            ConcurrentHashMap<Long, DiagnosisDocument> documents) {
        DetailsCache(PublishedContent snapshot) {
            this(snapshot, new ConcurrentHashMap<>(), new ConcurrentHashMap<>());
        }
    }

    /** Published diagnoses whose title, codes or texts contain {@code query} (all when blank), by id. */
    public DiagnosisPage search(String query, int page, int size) {
        var needle = query == null ? "" : query.trim().toLowerCase(new Locale("sv"));
        var hits = content.current().diagnoses().stream()
                .filter(d -> needle.isEmpty() || matches(d, needle))
                .toList();
        var from = Math.min(page * size, hits.size());
        var to = Math.min(from + size, hits.size());
        var items = hits.subList(from, to).stream().map(DiagnosisSummary::of).toList();
        return new DiagnosisPage(items, page, size, hits.size(), (hits.size() + size - 1) / size);
    }

    public PublishedPrinciples principles() {
        return content.current()
                .principles()
                .orElseThrow(() -> new DiagnosisNotFoundException("No general principles are published."));
    }

    /** The last change of the published content (for Last-Modified of the list) and its revision. */
    public java.time.Instant publishedAt() {
        return content.current().diagnoses().stream()
                .map(d -> d.lastUpdated().toInstant())
                .max(java.time.Instant::compareTo)
                .orElse(java.time.Instant.EPOCH);
    }

    public String listEtag(String query, int page, int size) {
        var snapshot = content.current();
        return "\"list-" + snapshot.revision() + "-" + snapshot.day() + "-" + page + "-" + size + "-"
                + Integer.toHexString(query == null ? 0 : query.hashCode()) + "\"";
    }

    private static boolean matches(PublishedDiagnosis d, String needle) {
        var c = d.content();
        var normalizedCode = Code.normalized(needle);
        return contains(c.title(), needle)
                || c.icd10Codes().stream()
                        .anyMatch(code -> Code.normalized(code.kod()).startsWith(normalizedCode)
                                || contains(code.beskrivning(), needle))
                || contains(c.insuranceMedicalInformation(), needle)
                || contains(c.symptomsPrognosisTreatment(), needle)
                || contains(c.functionalImpairment(), needle)
                || contains(c.activityLimitation(), needle)
                || c.typicalCases().stream().anyMatch(tc -> contains(tc.sentence(), needle));
    }

    private static boolean contains(String text, String needle) {
        return text != null && text.toLowerCase(new Locale("sv")).contains(needle);
    }

    /** A diagnosis and its response record. */
    public record Found(PublishedDiagnosis diagnosis, DiagnosisDetails details) {}

    /** A diagnosis' JSON and the codes a lookup by code adds to it. */
    record DocumentMatch(DiagnosisDocument document, String requestedCode, String matchedCode) {}
}
