package org.example.codeserver.importing;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.example.codeserver.codesystem.CodeSystemImportService;
import org.example.codeserver.codesystem.ImportResult;
import org.springframework.stereotype.Service;

/** Imports code system files: picks the parser for the format and stores the result in one transaction. */
@Service
public class ImportService {

    private final Map<ImportFormat, CodeSystemParser> parsers = new EnumMap<>(ImportFormat.class);
    private final CodeSystemImportService codeSystems;

    ImportService(List<CodeSystemParser> parsers, CodeSystemImportService codeSystems) {
        parsers.forEach(parser -> this.parsers.put(parser.format(), parser));
        this.codeSystems = codeSystems;
    }

    /** Parses and stores an uploaded file (a zip for formats made of several files). */
    public ImportResult importFile(ImportFormat format, String fileName, byte[] content, ImportMetadata metadata) {
        return importFiles(format, SourceFiles.of(fileName, content), metadata);
    }

    ImportResult importFiles(ImportFormat format, SourceFiles files, ImportMetadata metadata) {
        return codeSystems.importVersion(parsers.get(format).parse(files, metadata));
    }

    boolean isImported(String url, String version) {
        return codeSystems.isImported(url, version);
    }
}
