package org.example.fmb.content;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads the FMB reference content (116 diagnoses, 439 typical cases) at first start. Idempotent: a
 * diagnosis that exists is left alone, so restarts and parallel instances (advisory lock) load nothing twice.
 */
@Component
class ContentImport {

    static final DateTimeFormatter FMB_TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssZ");
    private static final Logger log = LoggerFactory.getLogger(ContentImport.class);
    private static final String PRINCIPLES_TITLE = "Övergripande principer för sjukskrivning";

    private final DiagnosisRepository diagnoses;
    private final DiagnosisVersionRepository versions;
    private final PrinciplesVersionRepository principles;
    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    ContentImport(DiagnosisRepository diagnoses, DiagnosisVersionRepository versions,
            PrinciplesVersionRepository principles, JdbcTemplate jdbc, ObjectMapper json) {
        this.diagnoses = diagnoses;
        this.versions = versions;
        this.principles = principles;
        this.jdbc = jdbc;
        this.json = json;
    }

    @Transactional
    public int importReferenceContent() {
        jdbc.queryForList("select pg_advisory_xact_lock(4711)");
        var texts = codeTexts();
        var jsonDiagnoses = new HashMap<String, JsonNode>();
        var jsonCases = new HashMap<String, JsonNode>();
        readJson("fmb/fmb-exempel-F32-F430-F438-M545.json", "diagnosinformation", jsonDiagnoses);
        readJson("fmb/fmb-exempel-F32-F430-F438-M545.json", "typfall", jsonCases);
        readJson("fmb/fmb-forsakringsmedicinskdiagnosinformation.excerpt.json", "data", jsonDiagnoses);
        readJson("fmb/fmb-typfall.excerpt.json", "data", jsonCases);
        var criteriaCodes = criteriaCodes(jsonCases.values());

        var diagnosisRows = csv("fmb/fmb-diagnoser.csv");
        var caseRows = csv("fmb/fmb-typfall.csv");
        var casesByDiagnosis = new LinkedHashMap<String, List<TypicalCaseContent>>();
        for (var row : caseRows) {
            var codes = List.of(row.get("icd10_koder").split(";"));
            var owner = diagnosisRows.stream()
                    .filter(d -> List.of(d.get("icd10_koder").split(";")).containsAll(codes))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("Typical case " + row.get("typfall_id") + " has no diagnosis"));
            var fromJson = jsonCases.get(row.get("typfall_id"));
            var content = fromJson != null ? typicalCaseFromJson(fromJson) : typicalCaseFromCsv(row, texts, criteriaCodes);
            casesByDiagnosis.computeIfAbsent(owner.get("fmb_id"), id -> new ArrayList<>()).add(content);
        }

        var imported = 0;
        for (var row : diagnosisRows) {
            var id = Long.parseLong(row.get("fmb_id"));
            if (diagnoses.existsById(id)) {
                continue;
            }
            var cases = casesByDiagnosis.getOrDefault(row.get("fmb_id"), List.of());
            var fromJson = jsonDiagnoses.get(row.get("fmb_id"));
            var content = fromJson != null ? diagnosisFromJson(fromJson, cases) : diagnosisFromCsv(row, texts, cases);
            var versionNumber = fromJson != null ? Integer.parseInt(fromJson.path("attributes").path("version").asText("1")) : 1;
            var lastUpdated = OffsetDateTime.parse(
                    fromJson != null ? fromJson.path("attributes").path("senastuppdaterad").asText() : row.get("senast_uppdaterad"),
                    FMB_TIMESTAMP);
            diagnoses.save(new Diagnosis(id));
            versions.save(DiagnosisVersion.imported(id, versionNumber, content, LocalDate.parse(row.get("giltig_from")),
                    lastUpdated, () -> jdbc.queryForObject("select nextval('typical_case_fmb_id')", Long.class)));
            imported++;
        }
        if (principles.count() == 0) {
            // The reference material holds no text of the general principles; editors write it (issue 7).
            principles.save(PrinciplesVersion.imported(PRINCIPLES_TITLE, "", LocalDate.now()));
        }
        if (imported > 0) {
            log.info("Imported {} FMB diagnoses with {} typical cases", imported, caseRows.size());
        }
        return imported;
    }

    private DiagnosisContent diagnosisFromCsv(Map<String, String> row, Map<String, String> texts,
            List<TypicalCaseContent> cases) {
        var icd = icd10(row.get("icd10_koder"), texts);
        var title = row.get("titel");
        var group = new Code(row.get("sjukdomsgrupp_kod"), FmbVocabulary.DISEASE_GROUP_SYSTEM,
                FmbVocabulary.DISEASE_GROUP_NAME, row.get("sjukdomsgrupp"));
        var reference = row.get("referens_uri").isBlank() ? List.<Reference>of()
                : List.of(new Reference("Information om " + title + " hos Socialstyrelsen", row.get("referens_uri")));
        return new DiagnosisContent(title, title, "Försäkringsmedicinsk diagnosinformation för " + title, group, icd,
                FmbVocabulary.diagnosisKeywords(icd), FmbVocabulary.TARGET_GROUPS, null, null, null, null,
                icf(row.get("funktionsnedsattning_icf_central"), texts),
                icf(row.get("funktionsnedsattning_icf_kompletterande"), texts), null,
                icf(row.get("aktivitetsbegransning_icf_central"), texts),
                icf(row.get("aktivitetsbegransning_icf_kompletterande"), texts), reference, cases);
    }

    private DiagnosisContent diagnosisFromJson(JsonNode item, List<TypicalCaseContent> cases) {
        var a = item.path("attributes");
        return new DiagnosisContent(a.path("titel").asText(), a.path("diagnosrubrik").asText(null),
                a.path("beskrivning").asText(null), code(a.path("sjukdomsgrupp").path("kod")), codes(a.path("diagnoskod")),
                codes(a.path("nyckelord")), codes(a.path("malgrupp")),
                markup(a.path("forsakringsmedicinskinformation")), markup(a.path("symtomprognosbehandling")),
                markup(a.path("informationomrehabilitering")),
                a.path("funktionsnedsattning").path("funktionsnedsattningsbeskrivning").asText(null),
                codes(a.path("funktionsnedsattning").path("centralkod")),
                codes(a.path("funktionsnedsattning").path("kompletterandekod")),
                a.path("aktivitetsbegransning").path("aktivitetsbegransningsbeskrivning").asText(null),
                codes(a.path("aktivitetsbegransning").path("centralkod")),
                codes(a.path("aktivitetsbegransning").path("kompletterandekod")),
                references(a.path("referens")), cases);
    }

    private TypicalCaseContent typicalCaseFromJson(JsonNode item) {
        var a = item.path("attributes");
        var state = a.path("fmbtillstand");
        var measures = new ArrayList<Criteria.Measure>();
        state.path("urvalatgard").forEach(m -> measures.add(new Criteria.Measure(codes(m.path("kod")), code(m.path("status")))));
        var criteria = new Criteria(groups(state.path("urvalsvarighetsgrad"), "svarighetsgrad"),
                groups(state.path("urvalsjukdomsforlopp"), "sjukdomsforlopp"), measures,
                groups(state.path("urvalarbetsbelastning"), "arbetsbelastning"),
                groups(state.path("urvalkomplicerandefaktor"), "komplicerandefaktor"),
                groups(state.path("urvalsamsjuklighet"), "samsjuklighet"));
        var advice = a.path("rekommenderadsjukskrivning");
        var max = advice.path("maximalsjukskrivningstid").asText("");
        return new TypicalCaseContent(Long.parseLong(item.path("id").asText()), a.path("typfallsmening").asText(),
                state.path("tillstandsmening").isNull() ? null : state.path("tillstandsmening").asText(null),
                codes(state.path("diagnoskod")), criteria, advice.path("typfalletsrekommenderadesjukskrivning").asText(null),
                max.isBlank() ? null : Integer.valueOf(max),
                DurationUnit.ofFmbCode(advice.path("maximalsjukskrivningsenhet").asText("")),
                Degree.ofFmbText(advice.path("maximalsjukskrivningsgrad").path("beskrivning").asText("")),
                codes(a.path("nyckelord")), a.path("version").asText("1"),
                OffsetDateTime.parse(a.path("senastuppdaterad").asText(), FMB_TIMESTAMP));
    }

    private TypicalCaseContent typicalCaseFromCsv(Map<String, String> row, Map<String, String> texts,
            Map<String, Map<String, Code>> criteriaCodes) {
        var icd = icd10(row.get("icd10_koder"), texts);
        var measures = new ArrayList<Criteria.Measure>();
        for (var group : split(row.get("atgard"), ";")) {
            var codes = new ArrayList<Code>();
            Code status = null;
            for (var part : split(group, "+")) {
                if (part.startsWith("status=")) {
                    status = lookup(criteriaCodes, "status", part.substring("status=".length()));
                } else {
                    codes.add(lookup(criteriaCodes, "atgard", part));
                }
            }
            measures.add(new Criteria.Measure(codes, status));
        }
        var criteria = new Criteria(csvGroups(row.get("svarighetsgrad"), "svarighetsgrad", criteriaCodes),
                csvGroups(row.get("sjukdomsforlopp"), "sjukdomsforlopp", criteriaCodes), measures,
                csvGroups(row.get("arbetsbelastning"), "arbetsbelastning", criteriaCodes),
                csvGroups(row.get("komplicerande_faktor"), "komplicerandefaktor", criteriaCodes),
                csvGroups(row.get("samsjuklighet"), "samsjuklighet", criteriaCodes));
        var max = row.get("max_tid");
        return new TypicalCaseContent(Long.parseLong(row.get("typfall_id")), row.get("typfallsmening"), null, icd, criteria,
                blankToNull(row.get("rekommenderad_sjukskrivning_text")), max.isBlank() ? null : Integer.valueOf(max),
                DurationUnit.ofFmbCode(row.get("max_enhet")), Degree.ofFmbText(row.get("max_grad")),
                FmbVocabulary.typicalCaseKeywords(icd, criteria), "1", null);
    }

    private static List<List<Code>> csvGroups(String value, String kind, Map<String, Map<String, Code>> known) {
        var groups = new ArrayList<List<Code>>();
        for (var group : split(value, ";")) {
            groups.add(split(group, "+").stream().map(text -> lookup(known, kind, text)).toList());
        }
        return groups;
    }

    private static Code lookup(Map<String, Map<String, Code>> known, String kind, String text) {
        return known.getOrDefault(kind, Map.of()).getOrDefault(text, Code.textOnly(text));
    }

    /** The code objects the JSON captures use for a criterion text, so CSV rows get the same objects. */
    private Map<String, Map<String, Code>> criteriaCodes(Iterable<JsonNode> cases) {
        var known = new HashMap<String, Map<String, Code>>();
        for (var item : cases) {
            var state = item.path("attributes").path("fmbtillstand");
            for (var kind : List.of("svarighetsgrad", "sjukdomsforlopp", "arbetsbelastning", "komplicerandefaktor", "samsjuklighet")) {
                for (var group : groups(state.path("urval" + kind), kind)) {
                    group.forEach(c -> known.computeIfAbsent(kind, k -> new HashMap<>()).put(c.beskrivning(), c));
                }
            }
            state.path("urvalatgard").forEach(m -> {
                codes(m.path("kod")).forEach(c -> known.computeIfAbsent("atgard", k -> new HashMap<>()).put(c.beskrivning(), c));
                var status = code(m.path("status"));
                if (status != null) {
                    known.computeIfAbsent("status", k -> new HashMap<>()).put(status.beskrivning(), status);
                }
            });
        }
        return known;
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
        return new Code(text(node, "kod"), text(node, "kodsystem"), text(node, "kodsystemnamn"), text(node, "beskrivning"));
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

    private static List<Code> icd10(String codes, Map<String, String> texts) {
        return split(codes, ";").stream().map(c -> Code.icd10(c, texts.get("ICD-10|" + c))).toList();
    }

    private static List<Code> icf(String codes, Map<String, String> texts) {
        return split(codes, ";").stream().map(c -> Code.icf(c, texts.get("ICF|" + c))).toList();
    }

    private static List<String> split(String value, String separator) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return java.util.Arrays.stream(value.split(java.util.regex.Pattern.quote(separator)))
                .map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private Map<String, String> codeTexts() {
        var texts = new HashMap<String, String>();
        for (var row : csv("fmb/fmb-kodtexter.csv")) {
            texts.put(row.get("kodsystemnamn") + "|" + row.get("kod"), blankToNull(row.get("beskrivning")));
        }
        return texts;
    }

    private void readJson(String resource, String field, Map<String, JsonNode> into) {
        try (InputStream in = new ClassPathResource(resource).getInputStream()) {
            json.readTree(in).path(field).forEach(item -> into.put(item.path("id").asText(), item));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + resource, e);
        }
    }

    /** Reads an RFC 4180 CSV file with a header row into ordered maps. */
    static List<Map<String, String>> csv(String resource) {
        try (var reader = new BufferedReader(new InputStreamReader(new ClassPathResource(resource).getInputStream(),
                StandardCharsets.UTF_8))) {
            var records = parse(reader);
            var header = records.get(0);
            var rows = new ArrayList<Map<String, String>>();
            for (var record : records.subList(1, records.size())) {
                var row = new LinkedHashMap<String, String>();
                for (int i = 0; i < header.size(); i++) {
                    row.put(header.get(i), i < record.size() ? record.get(i) : "");
                }
                rows.add(row);
            }
            return rows;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + resource, e);
        }
    }

    private static List<List<String>> parse(BufferedReader reader) throws IOException {
        var records = new ArrayList<List<String>>();
        var record = new ArrayList<String>();
        var field = new StringBuilder();
        var quoted = false;
        int c;
        while ((c = reader.read()) != -1) {
            char ch = (char) c;
            if (quoted) {
                if (ch == '"') {
                    reader.mark(1);
                    int next = reader.read();
                    if (next == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        if (next != -1) {
                            reader.reset();
                        }
                    }
                } else {
                    field.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                record.add(field.toString());
                field.setLength(0);
            } else if (ch == '\n') {
                record.add(field.toString());
                field.setLength(0);
                records.add(record);
                record = new ArrayList<>();
            } else if (ch != '\r') {
                field.append(ch);
            }
        }
        if (field.length() > 0 || !record.isEmpty()) {
            record.add(field.toString());
            records.add(record);
        }
        return records;
    }
}
