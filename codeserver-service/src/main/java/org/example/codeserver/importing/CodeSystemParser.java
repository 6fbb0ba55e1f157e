package org.example.codeserver.importing;

import org.example.codeserver.codesystem.NewCodeSystem;

/** Reads the files of one format into a code system version to import. */
interface CodeSystemParser {

    ImportFormat format();

    /**
     * @throws org.example.codeserver.codesystem.InvalidCodeSystemException naming the file and line at fault
     */
    NewCodeSystem parse(SourceFiles files, ImportMetadata metadata);
}
