package org.example.deathcertificate.coding;

import java.util.List;

/** A coded line as stored: ICD-10-SE codes (no dot) and, in the same order, their WHO ICD-10 level (with dot). */
record StoredLine(String line, List<String> codes, List<String> who) {}
