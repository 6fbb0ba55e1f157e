package org.example.codeserver.codesystem;

import java.util.List;

/** One page of the concepts of a version in their published order, with the total number of concepts. */
public record ConceptPage(int total, int offset, List<ConceptSummary> concepts) {}
