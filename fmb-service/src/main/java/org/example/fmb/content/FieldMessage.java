package org.example.fmb.content;

/** A problem with one field of a draft, e.g. {@code typicalCases[2].maxUnit}. */
public record FieldMessage(String field, String message) {}
