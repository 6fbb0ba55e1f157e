package org.example.fmb.authoring;

/** A problem with one field of a draft, e.g. {@code typicalCases[2].maxUnit}. */
public record FieldMessage(String field, String message) {}
