package org.example.fmb.content;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import org.example.fmb.authoring.Code;
import org.example.fmb.authoring.Criteria;
import org.example.fmb.authoring.Degree;
import org.example.fmb.authoring.DiagnosisContent;
import org.example.fmb.authoring.DurationUnit;
import org.example.fmb.authoring.ImportedVersions;
import org.example.fmb.authoring.MarkupPolicy;
import org.example.fmb.authoring.Reference;
import org.example.fmb.authoring.TypicalCaseContent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads the whole FMB capture (116 diagnoses with every section, 439 typical cases; see
 * {@code resources/fmb/README.md}) as the first published version at first start, its markup cleaned with
 * {@link MarkupPolicy}. Idempotent: a diagnosis that exists is left alone, so restarts and parallel
 * instances (advisory lock) load nothing twice.
 */
@Component
class ContentImport {

    static final DateTimeFormatter FMB_TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssZ");
    private static final Logger log = LoggerFactory.getLogger(ContentImport.class);
    private static final String PRINCIPLES_TITLE = "Övergripande principer för sjukskrivning";
    static final String DIAGNOSES = "fmb/fmb-forsakringsmedicinskdiagnosinformation.full.json";
    static final String TYPICAL_CASES = "fmb/fmb-typfall.full.json";

    private final ImportedVersions versions;
    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final Clock clock;

    ContentImport(ImportedVersions versions, JdbcTemplate jdbc, ObjectMapper json, Clock clock) {
        this.versions = versions;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    @Transactional
    public int importReferenceContent() {
        jdbc.queryForList("select pg_advisory_xact_lock(4711)");
        var diagnosisItems = items(DIAGNOSES);
        var caseItems = items(TYPICAL_CASES);
        var casesByDiagnosis = new LinkedHashMap<String, List<TypicalCaseContent>>();
        for (var item : caseItems) {
            var codes = codeValues(item.path("attributes").path("fmbtillstand").path("diagnoskod"));
            var owner = diagnosisItems.stream()
                    .filter(d ->
                            codeValues(d.path("attributes").path("diagnoskod")).containsAll(codes))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException(
                            "Typical case " + item.path("id").asText() + " has no diagnosis"));
            casesByDiagnosis
                    .computeIfAbsent(owner.path("id").asText(), id -> new ArrayList<>())
                    .add(typicalCaseFromJson(item, owner.path("attributes")));
        }

        var imported = 0;
        var completed = 0;
        for (var item : diagnosisItems) {
            var id = Long.parseLong(item.path("id").asText());
            var a = item.path("attributes");
            var content = diagnosisFromJson(
                    item, casesByDiagnosis.getOrDefault(item.path("id").asText(), List.of()));
            var versionNumber = Integer.parseInt(a.path("version").asText("1"));
            var validFrom =
                    LocalDate.parse(a.path("giltighetsperiod").path("start").asText());
            var lastUpdated = OffsetDateTime.parse(a.path("senastuppdaterad").asText(), FMB_TIMESTAMP);
            switch (versions.importDiagnosis(id, versionNumber, content, validFrom, lastUpdated)) {
                case IMPORTED -> imported++;
                case COMPLETED -> completed++;
                case KEPT -> {}
            }
        }
        if (completed > 0) {
            log.info("Completed {} FMB diagnoses loaded earlier without their texts", completed);
        }
        // The reference material holds no text of the general principles; editors write it (issue 7).
        versions.importPrinciplesIfNone(PRINCIPLES_TITLE, "", LocalDate.now(clock));
        if (imported > 0) {
            log.info("Imported {} FMB diagnoses with {} typical cases", imported, caseItems.size());
        }
        return imported;
    }

    private DiagnosisContent diagnosisFromJson(JsonNode item, List<TypicalCaseContent> cases) {
        var a = item.path("attributes");
        return new DiagnosisContent(
                a.path("titel").asText(),
                a.path("diagnosrubrik").asText(null),
                a.path("beskrivning").asText(null),
                code(a.path("sjukdomsgrupp").path("kod")),
                codes(a.path("diagnoskod")),
                codes(a.path("nyckelord")),
                codes(a.path("malgrupp")),
                markup(a.path("forsakringsmedicinskinformation")),
                markup(a.path("symtomprognosbehandling")),
                markup(a.path("informationomrehabilitering")),
                a.path("funktionsnedsattning")
                        .path("funktionsnedsattningsbeskrivning")
                        .asText(null),
                codes(a.path("funktionsnedsattning").path("centralkod")),
                codes(a.path("funktionsnedsattning").path("kompletterandekod")),
                a.path("aktivitetsbegransning")
                        .path("aktivitetsbegransningsbeskrivning")
                        .asText(null),
                codes(a.path("aktivitetsbegransning").path("centralkod")),
                codes(a.path("aktivitetsbegransning").path("kompletterandekod")),
                references(a.path("referens")),
                cases,
                text(a, "syfte"));
    }

    /** A typical case; its description and start of validity are kept only where they differ from its diagnosis'. */
    private TypicalCaseContent typicalCaseFromJson(JsonNode item, JsonNode diagnosis) {
        var a = item.path("attributes");
        var description = a.path("beskrivning").asText(null);
        var start = a.path("giltighetsperiod").path("start").asText(null);
        var state = a.path("fmbtillstand");
        var measures = new ArrayList<Criteria.Measure>();
        state.path("urvalatgard")
                .forEach(m -> measures.add(new Criteria.Measure(codes(m.path("kod")), code(m.path("status")))));
        var criteria = new Criteria(
                groups(state.path("urvalsvarighetsgrad"), "svarighetsgrad"),
                groups(state.path("urvalsjukdomsforlopp"), "sjukdomsforlopp"),
                measures,
                groups(state.path("urvalarbetsbelastning"), "arbetsbelastning"),
                groups(state.path("urvalkomplicerandefaktor"), "komplicerandefaktor"),
                comorbidity(state.path("urvalsamsjuklighet")));
        var advice = a.path("rekommenderadsjukskrivning");
        var max = advice.path("maximalsjukskrivningstid").asText("");
        return new TypicalCaseContent(
                Long.parseLong(item.path("id").asText()),
                a.path("typfallsmening").asText(),
                state.path("tillstandsmening").isNull()
                        ? null
                        : state.path("tillstandsmening").asText(null),
                codes(state.path("diagnoskod")),
                criteria,
                advice.path("typfalletsrekommenderadesjukskrivning").asText(null),
                max.isBlank() ? null : Integer.valueOf(max),
                DurationUnit.ofFmbCode(advice.path("maximalsjukskrivningsenhet").asText("")),
                Degree.ofFmbText(advice.path("maximalsjukskrivningsgrad")
                        .path("beskrivning")
                        .asText("")),
                codes(a.path("nyckelord")),
                a.path("version").asText("1"),
                OffsetDateTime.parse(a.path("senastuppdaterad").asText(), FMB_TIMESTAMP),
                Objects.equals(
                                description,
                                "Typfall för diagnosrubriken "
                                        + diagnosis.path("diagnosrubrik").asText())
                        ? null
                        : description,
                start == null
                                || start.equals(diagnosis
                                        .path("giltighetsperiod")
                                        .path("start")
                                        .asText())
                        ? null
                        : LocalDate.parse(start));
    }

    private List<JsonNode> items(String resource) {
        try (InputStream in = new ClassPathResource(resource).getInputStream()) {
            var list = new ArrayList<JsonNode>();
            json.readTree(in).path("data").forEach(list::add);
            return list;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + resource, e);
        }
    }

    private static List<String> codeValues(JsonNode codes) {
        var values = new ArrayList<String>();
        codes.forEach(code -> values.add(code.path("kod").asText()));
        return values;
    }

    private static List<List<Criteria.Comorbidity>> comorbidity(JsonNode list) {
        var groups = new ArrayList<List<Criteria.Comorbidity>>();
        list.forEach(group -> {
            var items = new ArrayList<Criteria.Comorbidity>();
            group.forEach(item -> items.add(
                    new Criteria.Comorbidity(text(item, "samsjuklighetsrubrik"), codes(item.path("diagnoskod")))));
            groups.add(items);
        });
        return groups;
    }

    private static List<List<Code>> groups(JsonNode list, String key) {
        var groups = new ArrayList<List<Code>>();
        list.forEach(group -> groups.add(codes(group.path(key))));
        return groups;
    }

    private static List<Code> codes(JsonNode list) {
        var codes = new ArrayList<Code>();
        list.forEach(node -> codes.add(code(node)));
        return codes;
    }

    private static Code code(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return null;
        }
        return new Code(
                text(node, "kod"), text(node, "kodsystem"), text(node, "kodsystemnamn"), text(node, "beskrivning"));
    }

    private static String text(JsonNode node, String field) {
        var value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static String markup(JsonNode section) {
        return MarkupPolicy.sanitize(text(section, "markup"));
    }

    private static List<Reference> references(JsonNode list) {
        var refs = new ArrayList<Reference>();
        list.forEach(node -> refs.add(new Reference(text(node, "text"), text(node, "uri"))));
        return refs;
    }
}
