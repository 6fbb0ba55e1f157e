package org.example.codeserver.codesystem;

/**
 * A property value of a concept.
 *
 * @param code property code, declared in the version's {@link PropertyDefinition}s
 * @param type FHIR property type: {@code code}, {@code Coding}, {@code string}, {@code integer}, {@code boolean},
 *        {@code dateTime} or {@code decimal}
 * @param value the value as text ({@code true}/{@code false} for booleans)
 */
public record ConceptProperty(String code, String type, String value) {

    public static ConceptProperty string(String code, String value) {
        return new ConceptProperty(code, "string", value);
    }

    public static ConceptProperty code(String code, String value) {
        return new ConceptProperty(code, "code", value);
    }

    public static ConceptProperty bool(String code, boolean value) {
        return new ConceptProperty(code, "boolean", Boolean.toString(value));
    }
}
