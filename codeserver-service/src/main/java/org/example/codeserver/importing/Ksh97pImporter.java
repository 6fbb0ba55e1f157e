package org.example.codeserver.importing;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.example.codeserver.codesystem.ConceptStatus;
import org.example.codeserver.codesystem.Designation;
import org.example.codeserver.codesystem.InvalidCodeSystemException;
import org.example.codeserver.codesystem.NewCodeSystem;
import org.example.codeserver.codesystem.NewConcept;
import org.example.codeserver.codesystem.PublicationStatus;
import org.springframework.stereotype.Component;

/**
 * KSH97-P, the primary care version of ICD-10: KSH97P_KOD.ANS and the SFAM alternative terms KSH97P_SFAMALT.ANS,
 * ISO-8859-1, fixed width (code in columns 1-7, text after). The alternative terms become Swedish synonyms. The list
 * is flat: it has no hierarchy of its own. A single uploaded file is taken as the code file.
 */
@Component
class Ksh97pImporter implements CodeSystemParser {

    static final String URL = "http://socialstyrelsen.se/fhir/CodeSystem/ksh97-p";
    static final String OID = "1.2.752.116.1.3.1.4.1";
    private static final int CODE_WIDTH = 7;

    @Override
    public ImportFormat format() {
        return ImportFormat.KSH97_P;
    }

    @Override
    public NewCodeSystem parse(SourceFiles files, ImportMetadata metadata) {
        var codes = new LinkedHashMap<String, Row>();
        var codeFile = !files.has("KSH97P_KOD.ANS") && files.files().size() == 1
                ? files.files().keySet().iterator().next()
                : "KSH97P_KOD.ANS";
        for (var row : rows(files, codeFile)) {
            if (codes.put(row.code(), row) != null) {
                throw new InvalidCodeSystemException(
                        row.line(), "code", "KSH97P_KOD.ANS: code " + row.code() + " appears twice");
            }
        }
        var synonyms = new LinkedHashMap<String, List<Designation>>();
        if (files.has("KSH97P_SFAMALT.ANS")) {
            for (var row : rows(files, "KSH97P_SFAMALT.ANS")) {
                if (!codes.containsKey(row.code())) {
                    throw new InvalidCodeSystemException(
                            row.line(), "code", "KSH97P_SFAMALT.ANS: code " + row.code() + " is not in KSH97P_KOD.ANS");
                }
                synonyms.computeIfAbsent(row.code(), c -> new ArrayList<>()).add(Designation.synonym("sv", row.text()));
            }
        }
        var concepts = codes.values().stream()
                .map(row -> new NewConcept(
                        row.code(),
                        row.text(),
                        null,
                        ConceptStatus.ACTIVE,
                        List.of(),
                        synonyms.getOrDefault(row.code(), List.of()),
                        List.of(),
                        row.line()))
                .toList();
        return new NewCodeSystem(
                new NewCodeSystem.Identity(
                        ImportMetadata.or(metadata.url(), URL),
                        ImportMetadata.or(metadata.oid(), OID),
                        metadata.aliasOids(),
                        ImportMetadata.or(metadata.slug(), "ksh97-p"),
                        ImportMetadata.or(metadata.name(), "KSH97P"),
                        ImportMetadata.or(
                                metadata.title(),
                                "KSH97-P – Klassifikation av sjukdomar och hälsoproblem 1997, " + "primärvårdsversion"),
                        ImportMetadata.or(metadata.publisher(), "Socialstyrelsen"),
                        "Primärvårdens version av ICD-10 med SFAM:s alternativa termer som synonymer."),
                new NewCodeSystem.Release(
                        ImportMetadata.or(metadata.version(), "1997"),
                        metadata.status() == null ? PublicationStatus.ACTIVE : metadata.status(),
                        metadata.effectiveDate(),
                        "sv"),
                new NewCodeSystem.Definition(
                        null, "complete", true, "KSH97P_KOD.ANS, KSH97P_SFAMALT.ANS", List.of(), concepts));
    }

    private static List<Row> rows(SourceFiles files, String file) {
        var rows = new ArrayList<Row>();
        var lines = files.lines(file, ISO_8859_1);
        for (int i = 0; i < lines.size(); i++) {
            var line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            var code = line.substring(0, Math.min(CODE_WIDTH, line.length())).strip();
            var text = line.length() > CODE_WIDTH
                    ? line.substring(CODE_WIDTH).strip().replaceAll("\\s{2,}", " ")
                    : "";
            if (code.isEmpty() || code.contains(" ") || text.isEmpty()) {
                throw new InvalidCodeSystemException(i + 1, file + ": expected a code in columns 1-7 followed by text");
            }
            rows.add(new Row(i + 1, code, text));
        }
        return rows;
    }

    private record Row(int line, String code, String text) {}
}
