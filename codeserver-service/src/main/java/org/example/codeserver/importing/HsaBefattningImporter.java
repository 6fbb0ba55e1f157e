package org.example.codeserver.importing;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.ArrayList;
import java.util.List;
import org.example.codeserver.codesystem.ConceptStatus;
import org.example.codeserver.codesystem.InvalidCodeSystemException;
import org.example.codeserver.codesystem.NewCodeSystem;
import org.example.codeserver.codesystem.NewConcept;
import org.example.codeserver.codesystem.PublicationStatus;
import org.springframework.stereotype.Component;

/** HSA befattning (KV Befattning, Inera): {@code Befattningskod;Klartext;Beskrivning}, UTF-8, semicolon-separated. */
@Component
class HsaBefattningImporter implements CodeSystemParser {

    static final String URL = "http://inera.se/fhir/CodeSystem/hsa-befattning";
    static final String OID = "1.2.752.129.2.2.1.4";

    @Override
    public ImportFormat format() {
        return ImportFormat.HSA_BEFATTNING;
    }

    @Override
    public NewCodeSystem parse(SourceFiles files, ImportMetadata metadata) {
        var name = files.files().keySet().iterator().next();
        var rows = CsvRecords.parse(files.lines(name, UTF_8), ';', name);
        if (rows.isEmpty() || !rows.get(0).get(0).equalsIgnoreCase("Befattningskod")) {
            throw new InvalidCodeSystemException(1, name + ": expected the header Befattningskod;Klartext;Beskrivning");
        }
        var concepts = new ArrayList<NewConcept>();
        for (var row : rows.subList(1, rows.size())) {
            if (row.get(0).isEmpty() || row.get(1).isEmpty()) {
                throw new InvalidCodeSystemException(row.line(), name + ": a row needs a code and a text");
            }
            concepts.add(new NewConcept(
                    row.get(0),
                    row.get(1),
                    row.get(2).isEmpty() ? null : row.get(2),
                    ConceptStatus.ACTIVE,
                    List.of(),
                    List.of(),
                    List.of(),
                    row.line()));
        }
        return new NewCodeSystem(
                new NewCodeSystem.Identity(
                        ImportMetadata.or(metadata.url(), URL),
                        ImportMetadata.or(metadata.oid(), OID),
                        metadata.aliasOids(),
                        ImportMetadata.or(metadata.slug(), "hsa-befattning"),
                        ImportMetadata.or(metadata.name(), "HSABefattning"),
                        ImportMetadata.or(metadata.title(), "KV Befattning (HSA)"),
                        ImportMetadata.or(metadata.publisher(), "Inera AB"),
                        "Befattningskoder i HSA-katalogen, t.ex. för paTitleCode."),
                new NewCodeSystem.Release(
                        ImportMetadata.or(metadata.version(), "1"),
                        metadata.status() == null ? PublicationStatus.ACTIVE : metadata.status(),
                        metadata.effectiveDate(),
                        "sv"),
                new NewCodeSystem.Definition(null, "complete", true, name, List.of(), concepts));
    }
}
