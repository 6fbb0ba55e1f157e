package org.example.codeserver.importing;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.example.codeserver.codesystem.ConceptProperty;
import org.example.codeserver.codesystem.ConceptStatus;
import org.example.codeserver.codesystem.InvalidCodeSystemException;
import org.example.codeserver.codesystem.NewCodeSystem;
import org.example.codeserver.codesystem.NewConcept;
import org.example.codeserver.codesystem.PropertyDefinition;
import org.example.codeserver.codesystem.PublicationStatus;
import org.springframework.stereotype.Component;

/**
 * KVÅ (klassifikation av vårdåtgärder) kodtextfiler: for each part, KKÅ (kirurgiska) and KMÅ (medicinska),
 * level1.txt to level4.txt with a header row {@code Kod:<TAB><TAB>Kodtext:<TAB>Beskrivning:}. The procedure codes
 * (level 4) keep their published codes. The grouping levels 1-3 of the two parts reuse the same letters (chapter A
 * of KKÅ is not chapter A of KMÅ), so they are coded with their part as prefix: {@code KKÅ-A}, {@code KKÅ-AA},
 * {@code KMÅ-VA9}; they are marked not selectable.
 */
@Component
class KvaImporter implements CodeSystemParser {

    static final String URL = "http://socialstyrelsen.se/fhir/CodeSystem/kva";
    static final String OID = "1.2.752.116.1.3.2.1.4";

    @Override
    public ImportFormat format() {
        return ImportFormat.KVA;
    }

    /**
     * Expects level1.txt to level4.txt in a folder whose name contains {@code kka} and in one containing {@code kma}.
     */
    @Override
    public NewCodeSystem parse(SourceFiles files, ImportMetadata metadata) {
        var concepts = new ArrayList<NewConcept>();
        for (var part : List.of("KKÅ", "KMÅ")) {
            var prefix = part.equals("KKÅ") ? "kka" : "kma";
            var levels = new ArrayList<Map<String, Row>>();
            for (int level = 1; level <= 4; level++) {
                levels.add(rows(files, prefix, "level" + level + ".txt"));
            }
            for (int level = 1; level <= 4; level++) {
                for (var row : levels.get(level - 1).values()) {
                    concepts.add(concept(part, level, row, parent(part, level, row, levels)));
                }
            }
        }
        var version = ImportMetadata.or(metadata.version(), null);
        if (version == null) {
            throw new InvalidCodeSystemException(0, "version", "A KVÅ import needs a version, e.g. 2021");
        }
        return new NewCodeSystem(
                new NewCodeSystem.Identity(
                        ImportMetadata.or(metadata.url(), URL),
                        ImportMetadata.or(metadata.oid(), OID),
                        metadata.aliasOids(),
                        ImportMetadata.or(metadata.slug(), "kva"),
                        ImportMetadata.or(metadata.name(), "KVA"),
                        ImportMetadata.or(metadata.title(), "KVÅ – Klassifikation av vårdåtgärder"),
                        ImportMetadata.or(metadata.publisher(), "Socialstyrelsen"),
                        "Kirurgiska (KKÅ) och medicinska (KMÅ) åtgärder. Grupperingsnivåer har koder med delens prefix, "
                                + "t.ex. KKÅ-A och KMÅ-AA."),
                new NewCodeSystem.Release(
                        version,
                        metadata.status() == null ? PublicationStatus.ACTIVE : metadata.status(),
                        metadata.effectiveDate(),
                        "sv"),
                new NewCodeSystem.Definition(
                        "is-a",
                        "complete",
                        true,
                        "KKÅ och KMÅ level1-4.txt",
                        List.of(
                                new PropertyDefinition(
                                        "part", null, "code", "KKÅ (kirurgiska) or KMÅ (medicinska åtgärder)"),
                                new PropertyDefinition("level", null, "integer", "1-3 grouping levels, 4 = åtgärdskod"),
                                new PropertyDefinition(
                                        "notSelectable",
                                        "http://hl7.org/fhir/concept-properties#notSelectable",
                                        "boolean",
                                        "Grouping levels are not used in records")),
                        concepts));
    }

    private static String parent(String part, int level, Row row, List<Map<String, Row>> levels) {
        if (level == 1) {
            return null;
        }
        if (level == 4) {
            var three = row.code().substring(0, 3);
            if (levels.get(2).containsKey(three)) {
                return part + "-" + three;
            }
            var two = row.code().substring(0, 2);
            if (levels.get(1).containsKey(two)) {
                return part + "-" + two;
            }
            throw new InvalidCodeSystemException(
                    row.line(), "code", row.file() + ": code " + row.code() + " has no group on level 3 or 2");
        }
        var up = row.code().substring(0, level - 1);
        if (!levels.get(level - 2).containsKey(up)) {
            throw new InvalidCodeSystemException(
                    row.line(), "code", row.file() + ": group " + row.code() + " has no parent group " + up);
        }
        return part + "-" + up;
    }

    private static NewConcept concept(String part, int level, Row row, String parent) {
        var properties = new ArrayList<ConceptProperty>();
        properties.add(ConceptProperty.code("part", part));
        properties.add(new ConceptProperty("level", "integer", Integer.toString(level)));
        if (level < 4) {
            properties.add(ConceptProperty.bool("notSelectable", true));
        }
        return new NewConcept(
                level < 4 ? part + "-" + row.code() : row.code(),
                row.text(),
                row.description(),
                ConceptStatus.ACTIVE,
                parent == null ? List.of() : List.of(parent),
                List.of(),
                properties,
                row.line());
    }

    private static Map<String, Row> rows(SourceFiles files, String folder, String name) {
        var rows = new java.util.LinkedHashMap<String, Row>();
        var file = folder + "/" + name;
        var lines = files.lines(folder, name, UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            var line = lines.get(i);
            if (line.isBlank() || (i == 0 && line.startsWith("Kod:"))) {
                continue;
            }
            var fields = line.split("\t", -1);
            if (fields.length < 3 || fields[0].isBlank() || fields[2].isBlank()) {
                throw new InvalidCodeSystemException(i + 1, file + ": expected code<TAB><TAB>text[<TAB>description]");
            }
            var row = new Row(
                    file,
                    i + 1,
                    fields[0].strip(),
                    fields[2].strip(),
                    fields.length > 3 && !fields[3].isBlank() ? fields[3].strip() : null);
            if (rows.put(row.code(), row) != null) {
                throw new InvalidCodeSystemException(i + 1, "code", file + ": code " + row.code() + " appears twice");
            }
        }
        return rows;
    }

    private record Row(String file, int line, String code, String text, String description) {}
}
