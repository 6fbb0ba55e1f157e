package org.example.fmb.webcert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import org.example.fmb.authoring.Code;
import org.example.fmb.authoring.FmbVocabulary;
import org.example.fmb.authoring.MarkupPolicy;
import org.example.fmb.authoring.PublishedDiagnosis;
import org.example.fmb.authoring.TypicalCaseContent;
import org.example.fmb.content.PublishedContent;
import org.example.fmb.content.PublishedContentService;
import org.example.fmb.webcert.WebcertFormat.ActivityLimitation;
import org.example.fmb.webcert.WebcertFormat.ComorbidityCriterion;
import org.example.fmb.webcert.WebcertFormat.Condition;
import org.example.fmb.webcert.WebcertFormat.DiagnosisAttributes;
import org.example.fmb.webcert.WebcertFormat.DiseaseGroup;
import org.example.fmb.webcert.WebcertFormat.FunctionalImpairment;
import org.example.fmb.webcert.WebcertFormat.Links;
import org.example.fmb.webcert.WebcertFormat.Markup;
import org.example.fmb.webcert.WebcertFormat.MeasureCriterion;
import org.example.fmb.webcert.WebcertFormat.Meta;
import org.example.fmb.webcert.WebcertFormat.Recommendation;
import org.example.fmb.webcert.WebcertFormat.Resource;
import org.example.fmb.webcert.WebcertFormat.TypicalCaseAttributes;
import org.example.fmb.webcert.WebcertFormat.ValidityPeriod;
import org.springframework.stereotype.Service;

/**
 * Builds the Webcert collections from the published content. Each collection is serialized (and
 * gzipped) once per published state and then served as bytes.
 */
@Service
class WebcertCollectionService {

    static final String DIAGNOSES = "forsakringsmedicinskdiagnosinformation";
    static final String TYPICAL_CASES = "typfall";
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssZ");

    private final PublishedContentService content;
    private final WebcertProperties properties;
    private final ObjectMapper json;
    private volatile Cache cache;

    WebcertCollectionService(PublishedContentService content, WebcertProperties properties, ObjectMapper json) {
        this.content = content;
        this.properties = properties;
        this.json = json;
        content.onChange(snapshot -> this.cache = null);
    }

    /** A collection as JSON bytes, plain and gzipped. */
    record Body(byte[] plain, byte[] gzipped, String etag) {}

    Body collection(String type, boolean inlineMarkup) {
        var snapshot = content.current();
        var current = cache;
        if (current == null
                || current.revision != snapshot.revision()
                || !current.day.equals(snapshot.day().toString())) {
            current = new Cache(snapshot.revision(), snapshot.day().toString());
            cache = current;
        }
        var key = type + ":" + inlineMarkup;
        return current.bodies.computeIfAbsent(key, k -> render(snapshot, type, inlineMarkup));
    }

    Optional<Object> single(String type, long id, boolean inlineMarkup) {
        var snapshot = content.current();
        var meta = meta(snapshot);
        if (DIAGNOSES.equals(type)) {
            return snapshot.diagnosis(id)
                    .map(d -> new WebcertFormat.Single(meta, selfLink(type, id), diagnosis(d, inlineMarkup)));
        }
        return snapshot.diagnoses().stream()
                .flatMap(d -> d.content().typicalCases().stream()
                        .filter(tc -> tc.fmbId() == id)
                        .map(tc -> typicalCase(d, tc)))
                .findFirst()
                .map(resource -> new WebcertFormat.Single(meta, selfLink(type, id), resource));
    }

    /** The id of the diagnosis a typical case belongs to, for lookup statistics. */
    Optional<Long> diagnosisOfTypicalCase(long typicalCaseId) {
        return content.current().diagnoses().stream()
                .filter(d -> d.content().typicalCases().stream().anyMatch(tc -> tc.fmbId() == typicalCaseId))
                .map(PublishedDiagnosis::id)
                .findFirst();
    }

    private Body render(PublishedContent snapshot, String type, boolean inlineMarkup) {
        List<Resource> data = new ArrayList<>();
        if (DIAGNOSES.equals(type)) {
            snapshot.diagnoses().forEach(d -> data.add(diagnosis(d, inlineMarkup)));
        } else {
            snapshot.diagnoses().forEach(d -> d.content().typicalCases().forEach(tc -> data.add(typicalCase(d, tc))));
            data.sort(Comparator.comparingLong(r -> Long.parseLong(r.id())));
        }
        var self = properties.publicBaseUrl() + "/fmb/" + type + (inlineMarkup ? "?inlinehtmlmarkup=true" : "");
        try {
            var plain = json.writeValueAsBytes(new WebcertFormat.Collection(meta(snapshot), new Links(self), data));
            return new Body(
                    plain,
                    gzip(plain),
                    "\"" + type + "-" + snapshot.revision() + "-" + snapshot.day() + "-" + inlineMarkup + "\"");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialize the " + type + " collection", e);
        }
    }

    private Resource diagnosis(PublishedDiagnosis d, boolean inlineMarkup) {
        var c = d.content();
        var attributes = new DiagnosisAttributes(
                String.valueOf(d.versionNumber()),
                String.valueOf(d.id()),
                c.title(),
                c.targetGroups(),
                c.keywords(),
                c.purpose(),
                c.description(),
                FmbVocabulary.DIAGNOSIS_DOCUMENT_TYPE,
                new DiseaseGroup(c.diseaseGroup()),
                timestamp(d),
                validity(d),
                FmbVocabulary.STATUS_VALID,
                c.heading(),
                markup(c.insuranceMedicalInformation(), inlineMarkup),
                markup(c.symptomsPrognosisTreatment(), inlineMarkup),
                markup(c.rehabilitationInformation(), inlineMarkup),
                c.icd10Codes(),
                new ActivityLimitation(
                        c.activityLimitation(), c.activityLimitationComplementary(), c.activityLimitationCentral()),
                new FunctionalImpairment(
                        c.functionalImpairment(),
                        c.functionalImpairmentComplementary(),
                        c.functionalImpairmentCentral()),
                c.references());
        var relationships = new LinkedHashMap<String, Object>();
        relationships.put(TYPICAL_CASES, List.of());
        return new Resource(selfLink(DIAGNOSES, d.id()), DIAGNOSES, String.valueOf(d.id()), attributes, relationships);
    }

    private Resource typicalCase(PublishedDiagnosis d, TypicalCaseContent tc) {
        var c = d.content();
        var criteria = tc.criteria();
        var condition = new Condition(
                tc.conditionSentence(),
                tc.icd10Codes(),
                groups(criteria.course(), "sjukdomsforlopp"),
                groups(criteria.severity(), "svarighetsgrad"),
                criteria.measures().stream()
                        .map(m -> new MeasureCriterion(m.codes(), m.status()))
                        .toList(),
                groups(criteria.workload(), "arbetsbelastning"),
                groups(criteria.complicatingFactors(), "komplicerandefaktor"),
                criteria.comorbidity().stream()
                        .map(group -> group.stream()
                                .map(m -> new ComorbidityCriterion(m.heading(), m.icd10Codes()))
                                .toList())
                        .toList());
        var degree = tc.maxDegree() == null
                ? null
                : new Code(
                        tc.maxDegree().fmbCode(),
                        FmbVocabulary.DEGREE_SYSTEM,
                        FmbVocabulary.DEGREE_NAME,
                        tc.maxDegree().fmbText());
        var recommendation = new Recommendation(
                degree,
                tc.recommendation(),
                tc.maxValue() == null ? null : String.valueOf(tc.maxValue()),
                tc.maxUnit() == null ? null : tc.maxUnit().fmbCode());
        var updated = tc.lastUpdated() == null ? d.lastUpdated() : tc.lastUpdated();
        var attributes = new TypicalCaseAttributes(
                tc.versionLabel(),
                String.valueOf(tc.fmbId()),
                c.targetGroups(),
                tc.keywords(),
                FmbVocabulary.PURPOSE,
                tc.description() != null ? tc.description() : "Typfall för diagnosrubriken " + c.heading(),
                FmbVocabulary.TYPICAL_CASE_DOCUMENT_TYPE,
                new DiseaseGroup(c.diseaseGroup()),
                TIMESTAMP.format(updated.withOffsetSameInstant(ZoneOffset.UTC)),
                validity(d, tc),
                FmbVocabulary.STATUS_VALID,
                tc.sentence(),
                condition,
                recommendation);
        var relationships = new HashMap<String, Object>();
        relationships.put(DIAGNOSES, null);
        return new Resource(
                selfLink(TYPICAL_CASES, tc.fmbId()),
                TYPICAL_CASES,
                String.valueOf(tc.fmbId()),
                attributes,
                relationships);
    }

    private static List<Map<String, List<Code>>> groups(List<List<Code>> groups, String key) {
        return groups.stream().map(group -> Map.of(key, group)).toList();
    }

    private static Markup markup(String html, boolean inline) {
        if (html == null || html.isEmpty()) {
            return new Markup(null);
        }
        return new Markup(inline ? html : MarkupPolicy.plainText(html));
    }

    private static String timestamp(PublishedDiagnosis d) {
        return TIMESTAMP.format(d.lastUpdated().withOffsetSameInstant(ZoneOffset.UTC));
    }

    /** A typical case's own start of validity where the imported source gives one, else its diagnosis version's. */
    private static ValidityPeriod validity(PublishedDiagnosis d, TypicalCaseContent tc) {
        var diagnosis = validity(d);
        return tc.validFrom() == null
                ? diagnosis
                : new ValidityPeriod(tc.validFrom().toString(), diagnosis.slut());
    }

    private static ValidityPeriod validity(PublishedDiagnosis d) {
        return new ValidityPeriod(
                d.validFrom().toString(),
                d.validTo() == null ? null : d.validTo().minusDays(1).toString());
    }

    private Links selfLink(String type, long id) {
        return new Links(properties.publicBaseUrl() + "/fmb/" + type + "/" + id);
    }

    private Meta meta(PublishedContent snapshot) {
        var built = snapshot.builtAt().atZone(ZoneId.of(properties.timeZone()));
        return new Meta(properties.apiVersion(), String.valueOf(snapshot.revision()), TIMESTAMP.format(built));
    }

    private static byte[] gzip(byte[] plain) {
        var out = new ByteArrayOutputStream(plain.length / 5);
        try (var zip = new GZIPOutputStream(out)) {
            zip.write(plain);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    private static final class Cache {
        private final long revision;
        private final String day;
        private final Map<String, Body> bodies = new java.util.concurrent.ConcurrentHashMap<>();

        private Cache(long revision, String day) {
            this.revision = revision;
            this.day = day;
        }
    }
}
