package org.example.codeserver.importing;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import org.example.codeserver.codesystem.ConceptProperty;
import org.example.codeserver.codesystem.ConceptStatus;
import org.example.codeserver.codesystem.InvalidCodeSystemException;
import org.example.codeserver.codesystem.NewCodeSystem;
import org.example.codeserver.codesystem.NewConcept;
import org.example.codeserver.codesystem.PropertyDefinition;
import org.example.codeserver.codesystem.PublicationStatus;
import org.springframework.stereotype.Component;

/**
 * The HAPI FHIR / Snowstorm "custom code system" layout: {@code concepts.csv} ({@code CODE,DISPLAY}) and optionally
 * {@code hierarchy.csv} ({@code PARENT,CHILD}), {@code properties.csv} ({@code CODE,KEY,VALUE,TYPE}) and
 * {@code codesystem.json} (a FHIR CodeSystem without concepts, giving url, name, version ...). Blank lines are ignored.
 */
@Component
class CustomCsvImporter implements CodeSystemParser {

    private final FhirCodeSystemImporter fhir;

    CustomCsvImporter(FhirCodeSystemImporter fhir) {
        this.fhir = fhir;
    }

    @Override
    public ImportFormat format() {
        return ImportFormat.CUSTOM_CSV;
    }

    @Override
    public NewCodeSystem parse(SourceFiles files, ImportMetadata metadata) {
        var header = files.find("codesystem.json")
                .map(json -> fhir.toNewCodeSystem(FhirCodeSystemImporter.parse(new String(json, UTF_8)), metadata))
                .orElse(null);
        var conceptsFile = files.has("concepts.csv")
                ? "concepts.csv"
                : files.files().keySet().stream()
                        .filter(n -> n.endsWith(".csv"))
                        .findFirst()
                        .orElseThrow(() -> new InvalidCodeSystemException(0, "file", "The import needs concepts.csv"));
        var rows = CsvRecords.parse(files.lines(conceptsFile, UTF_8), ',', "concepts.csv");
        expectHeader(rows, "concepts.csv", "CODE", "DISPLAY");
        var concepts = new LinkedHashMap<String, Draft>();
        for (var row : rows.subList(1, rows.size())) {
            if (row.get(0).isEmpty()) {
                throw new InvalidCodeSystemException(row.line(), "code", "concepts.csv: the row has no code");
            }
            if (concepts.put(row.get(0), new Draft(row.line(), row.get(1))) != null) {
                throw new InvalidCodeSystemException(
                        row.line(), "code", "concepts.csv: code " + row.get(0) + " appears twice");
            }
        }
        if (files.has("hierarchy.csv")) {
            var hierarchy = CsvRecords.parse(files.lines("hierarchy.csv", UTF_8), ',', "hierarchy.csv");
            expectHeader(hierarchy, "hierarchy.csv", "PARENT", "CHILD");
            for (var row : hierarchy.subList(1, hierarchy.size())) {
                var child = concepts.get(row.get(1));
                if (child == null || !concepts.containsKey(row.get(0))) {
                    throw new InvalidCodeSystemException(
                            row.line(),
                            "code",
                            "hierarchy.csv: " + (child == null ? "child " + row.get(1) : "parent " + row.get(0))
                                    + " is not in concepts.csv");
                }
                child.parents().add(row.get(0));
            }
        }
        var propertyTypes = new LinkedHashMap<String, String>();
        if (files.has("properties.csv")) {
            var properties = CsvRecords.parse(files.lines("properties.csv", UTF_8), ',', "properties.csv");
            expectHeader(properties, "properties.csv", "CODE", "KEY");
            for (var row : properties.subList(1, properties.size())) {
                var concept = concepts.get(row.get(0));
                if (concept == null) {
                    throw new InvalidCodeSystemException(
                            row.line(), "code", "properties.csv: code " + row.get(0) + " is not in concepts.csv");
                }
                var type = fhirType(row.get(3), row.line());
                var known = propertyTypes.putIfAbsent(row.get(1), type);
                if (known != null && !known.equals(type)) {
                    throw new InvalidCodeSystemException(
                            row.line(),
                            "type",
                            "properties.csv: property " + row.get(1) + " has type " + known + " on an earlier line");
                }
                concept.properties().add(new ConceptProperty(row.get(1), type, row.get(2)));
            }
        }
        var result = new ArrayList<NewConcept>();
        concepts.forEach((code, draft) -> result.add(new NewConcept(
                code,
                draft.display(),
                null,
                ConceptStatus.ACTIVE,
                draft.parents(),
                List.of(),
                draft.properties(),
                draft.line())));
        var definitions = new ArrayList<PropertyDefinition>();
        propertyTypes.forEach((code, type) -> definitions.add(new PropertyDefinition(code, null, type, null)));
        if (header != null) {
            var declared = new HashMap<String, PropertyDefinition>();
            header.properties().forEach(p -> declared.put(p.code(), p));
            definitions.replaceAll(p -> declared.getOrDefault(p.code(), p));
            return new NewCodeSystem(
                    new NewCodeSystem.Identity(
                            header.url(),
                            header.oid(),
                            header.aliasOids(),
                            header.slug(),
                            header.name(),
                            header.title(),
                            header.publisher(),
                            header.description()),
                    new NewCodeSystem.Release(
                            header.version(), header.status(), header.effectiveDate(), header.language()),
                    new NewCodeSystem.Definition(
                            header.hierarchyMeaning(),
                            "complete",
                            header.caseSensitive(),
                            "custom CSV " + files.names(),
                            definitions,
                            result));
        }
        if (metadata.url() == null) {
            throw new InvalidCodeSystemException(0, "url", "Without codesystem.json the import needs the url");
        }
        return new NewCodeSystem(
                new NewCodeSystem.Identity(
                        metadata.url(),
                        metadata.oid(),
                        metadata.aliasOids(),
                        metadata.slug(),
                        ImportMetadata.or(metadata.name(), metadata.url()),
                        metadata.title(),
                        metadata.publisher(),
                        null),
                new NewCodeSystem.Release(
                        metadata.version(),
                        metadata.status() == null ? PublicationStatus.ACTIVE : metadata.status(),
                        metadata.effectiveDate(),
                        null),
                new NewCodeSystem.Definition(
                        "is-a", "complete", true, "custom CSV " + files.names(), definitions, result));
    }

    private static String fhirType(String type, int line) {
        return switch (type.toLowerCase(Locale.ROOT)) {
            case "", "string" -> "string";
            case "code" -> "code";
            case "integer" -> "integer";
            case "boolean" -> "boolean";
            case "decimal" -> "decimal";
            case "datetime" -> "dateTime";
            case "coding" -> "Coding";
            default -> throw new InvalidCodeSystemException(line, "type", "properties.csv: unknown type " + type);
        };
    }

    private static void expectHeader(List<CsvRecords.Row> rows, String file, String first, String second) {
        if (rows.isEmpty()
                || !rows.get(0).get(0).equalsIgnoreCase(first)
                || !rows.get(0).get(1).equalsIgnoreCase(second)) {
            throw new InvalidCodeSystemException(1, file + ": expected the header " + first + "," + second);
        }
    }

    private record Draft(int line, String display, List<String> parents, List<ConceptProperty> properties) {

        Draft(int line, String display) {
            this(line, display.isEmpty() ? null : display, new ArrayList<>(), new ArrayList<>());
        }
    }
}
