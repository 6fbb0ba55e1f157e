package org.example.deathcertificate.coding;

/**
 * An ICD-10-SE concept as the code server describes it in one version.
 *
 * @param manifestation marked with an asterisk (*): describes a manifestation, never an underlying cause
 * @param selectable a code (not a chapter or a block)
 */
record Concept(String code, String display, boolean manifestation, boolean selectable) {}
