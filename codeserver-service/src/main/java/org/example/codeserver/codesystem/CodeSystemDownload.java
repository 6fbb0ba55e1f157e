package org.example.codeserver.codesystem;

import java.util.List;

/** A whole code system version as JSON: the metadata and every concept in published order. */
public record CodeSystemDownload(CodeSystemVersionDetails codeSystem, List<ExportedConcept> concepts) {}
