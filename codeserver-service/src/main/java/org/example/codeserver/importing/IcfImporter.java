package org.example.codeserver.importing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.example.codeserver.codesystem.ConceptProperty;
import org.example.codeserver.codesystem.ConceptStatus;
import org.example.codeserver.codesystem.Designation;
import org.example.codeserver.codesystem.InvalidCodeSystemException;
import org.example.codeserver.codesystem.NewCodeSystem;
import org.example.codeserver.codesystem.NewConcept;
import org.example.codeserver.codesystem.PropertyDefinition;
import org.example.codeserver.codesystem.PublicationStatus;
import org.springframework.stereotype.Component;

/**
 * ICF, Swedish, from Socialstyrelsen's Excel files (.xls, read with Apache POI): the code list (sheet with the column
 * {@code ICF-koder}) and, optionally, the alternative terms workbook (file name containing {@code alternativa}), whose
 * terms become Swedish synonyms of the codes in the code list (the code list decides which codes exist). Components (b, s, d, e) → chapters (b1) → blocks (b110-b139, coded by their range) →
 * codes; a code's parent is its block or chapter, or its longest existing prefix below that level.
 */
@Component
class IcfImporter implements CodeSystemParser {

    static final String URL = "http://socialstyrelsen.se/fhir/CodeSystem/icf";
    static final String OID = "1.2.752.116.1.1.3";
    /**
     * The other OIDs ICF goes by: in the FMB collections ({@code kodsystem}), and in Inera's certificates (the ICF
     * observation categories of its {@code ObservationsKoder}).
     */
    static final List<String> ALIAS_OIDS = List.of("1.2.752.116.1.1.3.3.1", "1.2.752.116.1.1.3.1.1");

    private static final Pattern BLOCK_RANGE = Pattern.compile("\\(([bsde][0-9]{3})\\s*-\\s*([bsde][0-9]{3})\\)\\s*$");
    private static final Pattern CODE = Pattern.compile("[bsde][0-9]{0,5}[A-Z]?");

    @Override
    public ImportFormat format() {
        return ImportFormat.ICF;
    }

    @Override
    public NewCodeSystem parse(SourceFiles files, ImportMetadata metadata) {
        String main = null;
        String alternatives = null;
        for (var name : files.files().keySet()) {
            if (!name.endsWith(".xls")) {
                continue;
            }
            if (name.contains("alternativ")) {
                alternatives = name;
            } else {
                main = name;
            }
        }
        if (main == null) {
            main = alternatives;
            alternatives = null;
        }
        if (main == null) {
            throw new InvalidCodeSystemException(0, "file", "An ICF import needs the code list as an .xls file");
        }
        var rows = read(main, files.files().get(main));
        var concepts = concepts(main, rows);
        if (alternatives != null) {
            var byCode = new HashMap<String, Set<String>>();
            for (var row : read(alternatives, files.files().get(alternatives))) {
                if (!row.code().isEmpty()) {
                    byCode.computeIfAbsent(row.code(), c -> new LinkedHashSet<>())
                            .addAll(row.alternatives());
                }
            }
            concepts = concepts.stream()
                    .map(c -> withAlternatives(c, byCode.getOrDefault(c.code(), Set.of())))
                    .toList();
        }
        var version = ImportMetadata.or(metadata.version(), null);
        if (version == null) {
            throw new InvalidCodeSystemException(0, "version", "An ICF import needs a version, e.g. 2018.2");
        }
        return new NewCodeSystem(
                new NewCodeSystem.Identity(
                        ImportMetadata.or(metadata.url(), URL),
                        ImportMetadata.or(metadata.oid(), OID),
                        metadata.aliasOids().isEmpty() ? ALIAS_OIDS : metadata.aliasOids(),
                        ImportMetadata.or(metadata.slug(), "icf"),
                        ImportMetadata.or(metadata.name(), "ICF"),
                        ImportMetadata.or(
                                metadata.title(),
                                "ICF – Klassifikation av funktionstillstånd, funktionshinder och hälsa"),
                        ImportMetadata.or(metadata.publisher(), "Socialstyrelsen"),
                        "Svensk version av WHO:s ICF med nationella fördjupningskoder och alternativa termer."),
                new NewCodeSystem.Release(
                        version,
                        metadata.status() == null ? PublicationStatus.ACTIVE : metadata.status(),
                        metadata.effectiveDate(),
                        "sv"),
                new NewCodeSystem.Definition(
                        "is-a",
                        "complete",
                        true,
                        alternatives == null ? main : main + ", " + alternatives,
                        List.of(
                                new PropertyDefinition("kind", null, "code", "component, chapter, block or category"),
                                new PropertyDefinition("inclusions", null, "string", "Innefattar"),
                                new PropertyDefinition("exclusions", null, "string", "Utesluter"),
                                new PropertyDefinition(
                                        "notSelectable",
                                        "http://hl7.org/fhir/concept-properties#notSelectable",
                                        "boolean",
                                        "Components, chapters and blocks are not used in records")),
                        concepts));
    }

    private static List<NewConcept> concepts(String file, List<IcfRow> rows) {
        // Blocks first: in some releases a block's row comes after the codes it groups.
        var blocks = new HashMap<String, IcfRow>();
        var blockCodes = new HashMap<IcfRow, String>();
        for (var row : rows) {
            if (row.code().isEmpty() || row.level() == 3) {
                var range = BLOCK_RANGE.matcher(row.display());
                if (!range.find()) {
                    throw new InvalidCodeSystemException(
                            row.line(),
                            "code",
                            file + ": a block row (Kodnivå 3) must " + "end with its range, e.g. (b110-b139)");
                }
                blocks.put(row.component() + row.chapter() + "/" + row.block(), row);
                blockCodes.put(row, range.group(1) + "-" + range.group(2));
            }
        }
        var concepts = new LinkedHashMap<String, NewConcept>();
        var codes = new HashMap<String, IcfRow>();
        for (var row : rows) {
            if (!blockCodes.containsKey(row)) {
                if (!CODE.matcher(row.code()).matches()) {
                    throw new InvalidCodeSystemException(
                            row.line(), "code", file + ": '" + row.code() + "' is not an ICF code");
                }
                if (codes.put(row.code(), row) != null) {
                    throw new InvalidCodeSystemException(
                            row.line(), "code", file + ": code " + row.code() + " appears twice");
                }
            }
        }
        for (var row : rows) {
            if (blockCodes.containsKey(row)) {
                if (!concepts.containsKey(blockCodes.get(row))) {
                    add(file, row, blockCodes.get(row), row.component() + row.chapter(), "block", codes, concepts);
                }
                continue;
            }
            var code = row.code();
            if (row.level() == 1) {
                add(file, row, code, null, "component", codes, concepts);
            } else if (row.level() == 2) {
                add(file, row, code, code.substring(0, 1), "chapter", codes, concepts);
            } else if (row.level() == 4) {
                var block = blocks.get(row.component() + row.chapter() + "/" + row.block());
                if (block != null && !concepts.containsKey(blockCodes.get(block))) {
                    add(file, block, blockCodes.get(block), row.component() + row.chapter(), "block", codes, concepts);
                }
                add(
                        file,
                        row,
                        code,
                        block != null ? blockCodes.get(block) : row.component() + row.chapter(),
                        "category",
                        codes,
                        concepts);
            } else {
                String parent = null;
                for (int length = code.length() - 1; length >= 2 && parent == null; length--) {
                    if (codes.containsKey(code.substring(0, length))) {
                        parent = code.substring(0, length);
                    }
                }
                add(file, row, code, parent, "category", codes, concepts);
            }
        }
        return List.copyOf(concepts.values());
    }

    private static void add(
            String file,
            IcfRow row,
            String code,
            String parent,
            String kind,
            Map<String, IcfRow> codes,
            Map<String, NewConcept> concepts) {
        if (parent != null && !codes.containsKey(parent) && !parent.contains("-")) {
            throw new InvalidCodeSystemException(
                    row.line(), "code", file + ": the parent " + parent + " of " + code + " is missing");
        }
        var properties = new ArrayList<ConceptProperty>();
        properties.add(ConceptProperty.code("kind", kind));
        if (!row.inclusions().isEmpty()) {
            properties.add(ConceptProperty.string("inclusions", row.inclusions()));
        }
        if (!row.exclusions().isEmpty()) {
            properties.add(ConceptProperty.string("exclusions", row.exclusions()));
        }
        if (!kind.equals("category")) {
            properties.add(ConceptProperty.bool("notSelectable", true));
        }
        var designations = row.alternatives().stream()
                .map(term -> Designation.synonym("sv", term))
                .toList();
        concepts.put(
                code,
                new NewConcept(
                        code,
                        row.display(),
                        row.description().isEmpty() ? null : row.description(),
                        ConceptStatus.ACTIVE,
                        parent == null ? List.of() : List.of(parent),
                        designations,
                        properties,
                        row.line()));
    }

    private static NewConcept withAlternatives(NewConcept concept, Set<String> alternatives) {
        var terms = new LinkedHashSet<String>();
        concept.designations().forEach(d -> terms.add(d.value()));
        terms.addAll(alternatives);
        terms.remove(concept.display());
        return new NewConcept(
                concept.code(),
                concept.display(),
                concept.definition(),
                concept.status(),
                concept.parents(),
                terms.stream().map(t -> Designation.synonym("sv", t)).toList(),
                concept.properties(),
                concept.line());
    }

    private static List<IcfRow> read(String file, byte[] content) {
        try (var workbook = new HSSFWorkbook(new ByteArrayInputStream(content))) {
            var formatter = new DataFormatter();
            for (var sheet : workbook) {
                var header = headerRow(sheet, formatter);
                if (header != null) {
                    return rows(file, sheet, header, formatter);
                }
            }
            throw new InvalidCodeSystemException(0, "file", file + ": no sheet has a column named ICF-koder");
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidCodeSystemException invalid) {
                throw invalid;
            }
            throw new InvalidCodeSystemException(0, "file", file + " is not a readable Excel 97 (.xls) file");
        }
    }

    private static Map<String, Integer> headerRow(Sheet sheet, DataFormatter formatter) {
        for (int r = 0; r <= Math.min(5, sheet.getLastRowNum()); r++) {
            var row = sheet.getRow(r);
            if (row == null) {
                continue;
            }
            var columns = new HashMap<String, Integer>();
            for (int c = 0; c < row.getLastCellNum(); c++) {
                var name = formatter.formatCellValue(row.getCell(c)).strip().toLowerCase();
                if (!name.isEmpty()) {
                    columns.putIfAbsent(name, c);
                }
            }
            if (columns.containsKey("icf-koder")) {
                columns.put("#row", r);
                return columns;
            }
        }
        return null;
    }

    private static List<IcfRow> rows(String file, Sheet sheet, Map<String, Integer> header, DataFormatter formatter) {
        int code = header.get("icf-koder");
        int display = column(header, file, "benämning");
        int alternative = column(header, file, "alternativ");
        int description = column(header, file, "beskrivning");
        int inclusions = column(header, file, "innefattar");
        int exclusions = column(header, file, "utesluter");
        int component = column(header, file, "komponent");
        int chapter = column(header, file, "kapitel");
        int block = column(header, file, "block");
        int level = column(header, file, "kodnivå");
        var rows = new ArrayList<IcfRow>();
        for (int r = header.get("#row") + 1; r <= sheet.getLastRowNum(); r++) {
            var row = sheet.getRow(r);
            if (row == null || text(row, display, formatter).isEmpty()) {
                continue;
            }
            int codeLevel;
            try {
                codeLevel = Integer.parseInt(text(row, level, formatter));
            } catch (NumberFormatException e) {
                throw new InvalidCodeSystemException(r + 1, "level", file + ": Kodnivå is not a number");
            }
            var alternatives = new ArrayList<String>();
            for (var term : text(row, alternative, formatter).split("[;\n]")) {
                var cleaned = term.replaceAll("\\(k\\)\\s*$", "").strip();
                if (!cleaned.isEmpty()) {
                    alternatives.add(cleaned);
                }
            }
            rows.add(new IcfRow(
                    r + 1,
                    text(row, code, formatter),
                    text(row, display, formatter),
                    alternatives,
                    text(row, description, formatter),
                    text(row, inclusions, formatter),
                    text(row, exclusions, formatter),
                    text(row, component, formatter),
                    text(row, chapter, formatter),
                    text(row, block, formatter),
                    codeLevel));
        }
        return rows;
    }

    private static int column(Map<String, Integer> header, String file, String prefix) {
        return header.entrySet().stream()
                .filter(e -> e.getKey().startsWith(prefix) || e.getKey().contains(prefix))
                .mapToInt(Map.Entry::getValue)
                .min()
                .orElseThrow(() -> new InvalidCodeSystemException(0, "file", file + ": no column named " + prefix));
    }

    private static String text(Row row, int column, DataFormatter formatter) {
        return formatter.formatCellValue(row.getCell(column)).strip().replaceAll("\\s+", " ");
    }

    private record IcfRow(
            int line,
            String code,
            String display,
            List<String> alternatives,
            String description,
            String inclusions,
            String exclusions,
            String component,
            String chapter,
            String block,
            int level) {}
}
