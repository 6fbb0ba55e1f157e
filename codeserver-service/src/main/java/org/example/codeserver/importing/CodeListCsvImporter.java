package org.example.codeserver.importing;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.ArrayList;
import java.util.List;
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
 * A flat code list as comma-separated UTF-8 with a header row: {@code code, display[, third column]} — the HoSp code
 * lists (legitimationsyrken, behörighetsbegränsningar). A third column named like a name ({@code *benamning*}) is
 * kept as a synonym, any other as a {@code note} property. The URL, name and version come from the import metadata.
 */
@Component
class CodeListCsvImporter implements CodeSystemParser {

    @Override
    public ImportFormat format() {
        return ImportFormat.CODE_LIST_CSV;
    }

    @Override
    public NewCodeSystem parse(SourceFiles files, ImportMetadata metadata) {
        if (files.files().size() != 1) {
            throw new InvalidCodeSystemException(0, "file", "A code list import takes one CSV file");
        }
        var name = files.files().keySet().iterator().next();
        var rows = CsvRecords.parse(files.lines(name, UTF_8), ',', name);
        if (rows.isEmpty() || rows.get(0).fields().size() < 2) {
            throw new InvalidCodeSystemException(1, name + ": expected a header row code,display[,note]");
        }
        var third = rows.get(0).get(2).toLowerCase();
        boolean thirdIsTerm = third.contains("benamning") || third.contains("benämning");
        var concepts = new ArrayList<NewConcept>();
        for (var row : rows.subList(1, rows.size())) {
            if (row.get(0).isEmpty() || row.get(1).isEmpty()) {
                throw new InvalidCodeSystemException(row.line(), name + ": a row needs a code and a display");
            }
            var extra = row.get(2);
            List<Designation> designations = !extra.isEmpty() && thirdIsTerm && !extra.equals(row.get(1))
                    ? List.of(Designation.synonym("sv", extra))
                    : List.of();
            List<ConceptProperty> properties =
                    !extra.isEmpty() && !thirdIsTerm ? List.of(ConceptProperty.string("note", extra)) : List.of();
            concepts.add(new NewConcept(
                    row.get(0),
                    row.get(1),
                    null,
                    ConceptStatus.ACTIVE,
                    List.of(),
                    designations,
                    properties,
                    row.line()));
        }
        if (metadata.url() == null || metadata.name() == null) {
            throw new InvalidCodeSystemException(
                    0, "url", "A code list import needs the url and name of the code system");
        }
        return new NewCodeSystem(
                new NewCodeSystem.Identity(
                        metadata.url(),
                        metadata.oid(),
                        metadata.aliasOids(),
                        metadata.slug(),
                        metadata.name(),
                        metadata.title(),
                        metadata.publisher(),
                        null),
                new NewCodeSystem.Release(
                        ImportMetadata.or(metadata.version(), "1"),
                        metadata.status() == null ? PublicationStatus.ACTIVE : metadata.status(),
                        metadata.effectiveDate(),
                        "sv"),
                new NewCodeSystem.Definition(
                        null,
                        "complete",
                        true,
                        name,
                        thirdIsTerm ? List.of() : List.of(new PropertyDefinition("note", null, "string", "Remark")),
                        concepts));
    }
}
