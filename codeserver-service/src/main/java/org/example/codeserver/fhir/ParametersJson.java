package org.example.codeserver.fhir;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Parameters.ParametersParameterComponent;
import org.hl7.fhir.r4.model.PrimitiveType;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Type;
import org.hl7.fhir.r4.model.UriType;

/**
 * The JSON of the plain Parameters answers of the terminology operations, written straight to Jackson, the
 * generator HAPI's parser writes with, in the order and with the omissions of HAPI's parser. HAPI's generic encoder
 * walks its model definitions for every element, which made up most of the cost of a {@code $lookup}.
 *
 * <p>Only answers of the shape the operations build are written here ({@link #writes}): parameters with a name, a
 * value of type string, uri, code, boolean, integer or Coding, parts of the same shape, and as resource an
 * OperationOutcome (written by HAPI's parser); no ids, extensions or meta. Anything else is left to HAPI.
 * {@code ParametersJsonTests} checks the output against HAPI's for every concept of the bundled code systems.
 */
final class ParametersJson {

    private static final JsonFactory JSON =
            JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

    /** The string-valued types written here, with the name of their value[x] field. */
    private static final Map<Class<?>, String> VALUE_FIELDS =
            Map.of(StringType.class, "valueString", CodeType.class, "valueCode", UriType.class, "valueUri");

    private final FhirContext fhir;

    ParametersJson(FhirContext fhir) {
        this.fhir = fhir;
    }

    /** Whether {@link #write} writes exactly what HAPI's JSON parser would write for this resource. */
    static boolean writes(Parameters parameters) {
        if (parameters.hasIdElement()
                || parameters.hasMeta()
                || parameters.hasImplicitRules()
                || parameters.hasLanguage()) {
            return false;
        }
        return writesAll(parameters.getParameter());
    }

    private static boolean writesAll(List<ParametersParameterComponent> parameters) {
        for (var p : parameters) {
            if (p.hasId()
                    || p.hasExtension()
                    || p.hasModifierExtension()
                    || !p.hasName()
                    || !writesValue(p.getValue())) {
                return false;
            }
            if (p.getResource() != null
                    && !(p.getResource() instanceof OperationOutcome outcome
                            && !outcome.hasIdElement()
                            && !outcome.hasMeta()
                            && !outcome.hasContained())) {
                return false;
            }
            if (!writesAll(p.getPart())) {
                return false;
            }
        }
        return true;
    }

    private static boolean writesValue(Type value) {
        if (value == null) {
            return true;
        }
        if (value.hasId() || value.hasExtension()) {
            return false;
        }
        if (value instanceof Coding c) {
            return !c.hasVersion()
                    && !c.hasUserSelected()
                    && plain(c.getSystemElement())
                    && plain(c.getCodeElement())
                    && plain(c.getDisplayElement());
        }
        return (VALUE_FIELDS.containsKey(value.getClass())
                        || value.getClass() == BooleanType.class
                        || value.getClass() == IntegerType.class)
                && plain((PrimitiveType<?>) value);
    }

    private static boolean plain(PrimitiveType<?> primitive) {
        return !primitive.hasId() && !primitive.hasExtension();
    }

    void write(Parameters parameters, Writer out) throws IOException {
        try (var json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("resourceType", "Parameters");
            writeParameters(json, "parameter", parameters.getParameter());
            json.writeEndObject();
        }
    }

    private void writeParameters(JsonGenerator json, String field, List<ParametersParameterComponent> parameters)
            throws IOException {
        if (parameters.stream().allMatch(ParametersParameterComponent::isEmpty)) {
            return;
        }
        json.writeArrayFieldStart(field);
        for (var p : parameters) {
            if (p.isEmpty()) {
                continue;
            }
            json.writeStartObject();
            json.writeStringField("name", p.getName());
            writeValue(json, p.getValue());
            if (p.getResource() != null && !p.getResource().isEmpty()) {
                json.writeFieldName("resource");
                json.writeRawValue(fhir.newJsonParser().encodeResourceToString(p.getResource()));
            }
            writeParameters(json, "part", p.getPart());
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    private static void writeValue(JsonGenerator json, Type value) throws IOException {
        if (value == null || value.isEmpty()) {
            return;
        }
        if (value instanceof BooleanType b) {
            json.writeBooleanField("valueBoolean", b.getValue());
        } else if (value instanceof IntegerType i) {
            json.writeNumberField("valueInteger", i.getValue());
        } else if (value instanceof Coding c) {
            json.writeObjectFieldStart("valueCoding");
            writeString(json, "system", c.getSystemElement());
            writeString(json, "code", c.getCodeElement());
            writeString(json, "display", c.getDisplayElement());
            json.writeEndObject();
        } else {
            json.writeStringField(VALUE_FIELDS.get(value.getClass()), ((PrimitiveType<?>) value).getValueAsString());
        }
    }

    private static void writeString(JsonGenerator json, String field, PrimitiveType<?> value) throws IOException {
        if (!value.isEmpty()) {
            json.writeStringField(field, value.getValueAsString());
        }
    }
}
