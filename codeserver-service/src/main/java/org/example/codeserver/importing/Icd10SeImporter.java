package org.example.codeserver.importing;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.example.codeserver.codesystem.ConceptProperty;
import org.example.codeserver.codesystem.ConceptStatus;
import org.example.codeserver.codesystem.InvalidCodeSystemException;
import org.example.codeserver.codesystem.NewCodeSystem;
import org.example.codeserver.codesystem.NewConcept;
import org.example.codeserver.codesystem.PropertyDefinition;
import org.example.codeserver.codesystem.PublicationStatus;
import org.springframework.stereotype.Component;

/**
 * ICD-10-SE kodtextfiler (UTF-8 with BOM, {@code code<TAB>marker<TAB>text}, marker empty, † or *): digit3.txt,
 * digit4.txt, digit5.txt and, optionally, chapter.txt and block.txt. Hierarchy chapter → block → 3-character
 * category → 4- and 5-character codes (a code's parent is its longest existing prefix). Codes are kept without dot.
 */
@Component
class Icd10SeImporter implements CodeSystemParser {

    static final String URL = "http://socialstyrelsen.se/fhir/CodeSystem/icd-10-se";
    static final String OID = "1.2.752.116.1.1.1";
    /**
     * The other OIDs ICD-10-SE goes by: in the FMB collections ({@code kodsystem}), and in every certificate Inera's
     * platform sends (its {@code Diagnoskodverk.ICD_10_SE}, the diagnosis rules of its schematron files).
     */
    static final List<String> ALIAS_OIDS = List.of("1.2.752.116.1.1.1.3.2", "1.2.752.116.1.1.1.1.3");

    private static final Pattern RANGE = Pattern.compile("([A-Z][0-9]{2})-([A-Z][0-9]{2})");
    private static final Pattern CHAPTER_RANGE = Pattern.compile("\\(([A-Z][0-9]{2})-([A-Z][0-9]{2})\\)\\s*$");
    private static final Pattern CODE = Pattern.compile("[A-Z][0-9]{2}[0-9A-Z]{0,3}");

    @Override
    public ImportFormat format() {
        return ImportFormat.ICD_10_SE;
    }

    @Override
    public NewCodeSystem parse(SourceFiles files, ImportMetadata metadata) {
        var codes = new TreeMap<String, Row>();
        for (var file : List.of("digit3.txt", "digit4.txt", "digit5.txt")) {
            int expectedLength = file.charAt(5) - '0';
            for (var row : rows(files, file)) {
                if (!CODE.matcher(row.code()).matches() || row.code().length() != expectedLength) {
                    throw new InvalidCodeSystemException(
                            row.line(),
                            "code",
                            file + ": '" + row.code() + "' is not an ICD-10-SE code of " + expectedLength
                                    + " characters");
                }
                if (codes.put(row.code(), row) != null) {
                    throw new InvalidCodeSystemException(
                            row.line(), "code", file + ": code " + row.code() + " appears twice");
                }
            }
        }
        var chapters = new ArrayList<Group>();
        if (files.has("chapter.txt")) {
            for (var row : rows(files, "chapter.txt")) {
                var range = CHAPTER_RANGE.matcher(row.text());
                if (!range.find()) {
                    throw new InvalidCodeSystemException(
                            row.line(),
                            "text",
                            "chapter.txt: the chapter text does not end " + "with its code range, e.g. (A00-B99)");
                }
                chapters.add(new Group(row, range.group(1), range.group(2)));
            }
        }
        var blocks = new ArrayList<Group>();
        if (files.has("block.txt")) {
            for (var row : rows(files, "block.txt")) {
                var range = RANGE.matcher(row.code());
                if (!range.matches()) {
                    throw new InvalidCodeSystemException(
                            row.line(), "code", "block.txt: '" + row.code() + "' is not a code range such as A00-A09");
                }
                blocks.add(new Group(row, range.group(1), range.group(2)));
            }
        }
        var concepts = new ArrayList<NewConcept>();
        var emitted = new HashMap<String, Boolean>();
        var byBlock = new LinkedHashMap<Group, List<Row>>();
        var unplaced = new ArrayList<Row>();
        for (var row : codes.values()) {
            var block = row.code().length() == 3 ? find(blocks, row.code()) : null;
            if (row.code().length() == 3 && block != null) {
                byBlock.computeIfAbsent(block, b -> new ArrayList<>()).add(row);
            } else if (row.code().length() == 3) {
                unplaced.add(row);
            }
        }
        for (var chapter : chapters) {
            concepts.add(group(chapter, "chapter", null));
            for (var block : blocks) {
                if (chapter.contains(block.from())
                        && emitted.putIfAbsent(block.row().code(), true) == null) {
                    concepts.add(group(block, "block", chapter.row().code()));
                    for (var category : byBlock.getOrDefault(block, List.of())) {
                        addSubtree(category, block.row().code(), codes, concepts);
                    }
                }
            }
        }
        for (var block : blocks) {
            if (emitted.putIfAbsent(block.row().code(), true) == null) {
                concepts.add(group(block, "block", null));
                for (var category : byBlock.getOrDefault(block, List.of())) {
                    addSubtree(category, block.row().code(), codes, concepts);
                }
            }
        }
        for (var category : unplaced) {
            addSubtree(category, null, codes, concepts);
        }
        int expected = codes.size() + chapters.size() + blocks.size();
        if (concepts.size() != expected) {
            var placed = new HashMap<String, Boolean>();
            concepts.forEach(c -> placed.put(c.code(), true));
            var orphan = codes.values().stream()
                    .filter(r -> !placed.containsKey(r.code()))
                    .findFirst()
                    .orElseThrow();
            throw new InvalidCodeSystemException(
                    orphan.line(), "code", "Code " + orphan.code() + " has no 3-character category in digit3.txt");
        }
        var version = ImportMetadata.or(metadata.version(), null);
        if (version == null) {
            throw new InvalidCodeSystemException(0, "version", "An ICD-10-SE import needs a version, e.g. 2022");
        }
        return new NewCodeSystem(
                new NewCodeSystem.Identity(
                        ImportMetadata.or(metadata.url(), URL),
                        ImportMetadata.or(metadata.oid(), OID),
                        metadata.aliasOids().isEmpty() ? ALIAS_OIDS : metadata.aliasOids(),
                        ImportMetadata.or(metadata.slug(), "icd-10-se"),
                        ImportMetadata.or(metadata.name(), "ICD10SE"),
                        ImportMetadata.or(
                                metadata.title(),
                                "ICD-10-SE – Internationell statistisk klassifikation av sjukdomar "
                                        + "och relaterade hälsoproblem, systematisk förteckning, svensk version"),
                        ImportMetadata.or(metadata.publisher(), "Socialstyrelsen"),
                        "Den svenska versionen av WHO:s ICD-10, med kapitel, avsnitt (block), kategorier och koder. "
                                + "Koder skrivs utan punkt (F321 = F32.1)."),
                new NewCodeSystem.Release(
                        version,
                        metadata.status() == null ? PublicationStatus.ACTIVE : metadata.status(),
                        metadata.effectiveDate(),
                        "sv"),
                new NewCodeSystem.Definition(
                        "is-a",
                        "complete",
                        true,
                        "kodtextfiler "
                                + String.join(
                                        ", ",
                                        files.files().keySet().stream().sorted().toList()),
                        List.of(
                                new PropertyDefinition(
                                        "kind",
                                        null,
                                        "code",
                                        "chapter, block, category (3 characters) or subcategory (4-5 characters)"),
                                new PropertyDefinition("marker", null, "string", "† (etiologi) or * (manifestation)"),
                                new PropertyDefinition(
                                        "notSelectable",
                                        "http://hl7.org/fhir/concept-properties#notSelectable",
                                        "boolean",
                                        "Chapters and blocks group codes and are not used in records")),
                        concepts));
    }

    private static void addSubtree(Row category, String parent, Map<String, Row> codes, List<NewConcept> out) {
        out.add(concept(category, parent, codes));
        for (var row : ((TreeMap<String, Row>) codes)
                .subMap(category.code() + "0", category.code() + "Z\uffff")
                .values()) {
            out.add(concept(row, null, codes));
        }
    }

    private static NewConcept concept(Row row, String groupParent, Map<String, Row> codes) {
        String parent = groupParent;
        if (row.code().length() > 3) {
            for (int length = row.code().length() - 1; length >= 3 && parent == null; length--) {
                if (codes.containsKey(row.code().substring(0, length))) {
                    parent = row.code().substring(0, length);
                }
            }
        }
        var properties = new ArrayList<ConceptProperty>();
        properties.add(ConceptProperty.code("kind", row.code().length() == 3 ? "category" : "subcategory"));
        if (!row.marker().isEmpty()) {
            properties.add(ConceptProperty.string("marker", row.marker()));
        }
        return new NewConcept(
                row.code(),
                row.text(),
                null,
                ConceptStatus.ACTIVE,
                parent == null ? List.of() : List.of(parent),
                List.of(),
                properties,
                row.line());
    }

    private static NewConcept group(Group group, String kind, String parent) {
        return new NewConcept(
                group.row().code(),
                group.row().text(),
                null,
                ConceptStatus.ACTIVE,
                parent == null ? List.of() : List.of(parent),
                List.of(),
                List.of(ConceptProperty.code("kind", kind), ConceptProperty.bool("notSelectable", true)),
                group.row().line());
    }

    private static Group find(List<Group> groups, String category) {
        return groups.stream().filter(g -> g.contains(category)).findFirst().orElse(null);
    }

    private static List<Row> rows(SourceFiles files, String file) {
        var rows = new ArrayList<Row>();
        var lines = files.lines(file, UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            var line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            var fields = line.split("\t", -1);
            if (fields.length < 3 || fields[0].isBlank() || fields[2].isBlank()) {
                throw new InvalidCodeSystemException(i + 1, file + ": expected code<TAB>marker<TAB>text");
            }
            var marker = fields[1].strip();
            if (!marker.isEmpty() && !marker.equals("†") && !marker.equals("*")) {
                throw new InvalidCodeSystemException(
                        i + 1, "marker", file + ": unknown marker '" + marker + "' (expected empty, † or *)");
            }
            rows.add(new Row(i + 1, fields[0].strip(), marker, fields[2].strip()));
        }
        return rows;
    }

    private record Row(int line, String code, String marker, String text) {}

    private record Group(Row row, String from, String to) {

        boolean contains(String category) {
            var three = category.substring(0, Math.min(3, category.length()));
            return three.compareTo(from) >= 0 && three.compareTo(to) <= 0;
        }
    }
}
