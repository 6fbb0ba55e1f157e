package org.example.codeserver.fhir;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.hl7.fhir.convertors.factory.VersionConvertorFactory_40_50;
import org.hl7.fhir.r5.model.CodeSystem;
import org.hl7.fhir.r5.model.Enumerations.CodeSystemContentMode;
import org.hl7.fhir.r5.model.Parameters;
import org.hl7.fhir.r5.model.Parameters.ParametersParameterComponent;
import org.hl7.fhir.r5.model.Resource;
import org.hl7.fhir.r5.model.ValueSet;

/**
 * The parameters of one terminology operation as received (R4), read by name only by the typed operation records
 * that parse them ({@link CodeLookup}, {@link CodeValidation}, …), and, for the HL7 engine, in the engine's (R5) model
 * ({@link #engineInput()}). The {@code tx-resource} parameters are split off: they are definitions, not operation
 * inputs.
 */
final class TerminologyRequest {

    private static final String SUPPLEMENT = "http://hl7.org/fhir/StructureDefinition/valueset-supplement";

    private final org.hl7.fhir.r4.model.Parameters received;
    private final String acceptLanguage;
    private Parameters parameters;
    private List<Resource> definitions;

    private TerminologyRequest(org.hl7.fhir.r4.model.Parameters received, String acceptLanguage) {
        this.received = received;
        this.acceptLanguage = acceptLanguage;
    }

    static TerminologyRequest of(org.hl7.fhir.r4.model.Parameters received, String acceptLanguage) {
        return new TerminologyRequest(received, acceptLanguage);
    }

    org.hl7.fhir.r4.model.Parameters received() {
        return received;
    }

    /** The received parameters of one name that carry a value of the given type, in the order received. */
    <T> List<T> values(String name, Class<T> type) {
        return received.getParameter().stream()
                .filter(p -> name.equals(p.getName()) && type.isInstance(p.getValue()))
                .map(p -> type.cast(p.getValue()))
                .toList();
    }

    /** The resource of the first received parameter of that name that carries one of the given type. */
    <T> T resource(String name, Class<T> type) {
        return received.getParameter().stream()
                .filter(p -> name.equals(p.getName()) && type.isInstance(p.getResource()))
                .map(p -> type.cast(p.getResource()))
                .findFirst()
                .orElse(null);
    }

    /** The operation's input for the HL7 engine: the definitions sent and the parameters in the engine's model. */
    EngineInput engineInput() {
        split();
        var sent = received.getParameter().stream().anyMatch(p -> "tx-resource".equals(p.getName()));
        var supplements = values("useSupplement", org.hl7.fhir.r4.model.PrimitiveType.class).stream()
                .map(org.hl7.fhir.r4.model.PrimitiveType::getValueAsString)
                .toList();
        return new EngineInput(sent, definitions, supplements, parameters);
    }

    private void split() {
        if (parameters != null) {
            return;
        }
        var all = (Parameters) VersionConvertorFactory_40_50.convertResource(received);
        var inputs = new Parameters();
        var found = new ArrayList<Resource>();
        for (var p : all.getParameter()) {
            if ("tx-resource".equals(p.getName()) && p.hasResource()) {
                found.add(p.getResource());
            } else {
                inputs.addParameter(p);
            }
        }
        parameters = inputs;
        definitions = withoutUnusedSupplements(inputs, found);
    }

    /**
     * A supplement applies only where it is asked for: by useSupplement, or by a value set's supplement extension. One
     * named as the system of the code is kept too, so that the answer can say that a supplement is no code system.
     */
    private static List<Resource> withoutUnusedSupplements(Parameters inputs, List<Resource> definitions) {
        var wanted = new HashSet<String>();
        for (ParametersParameterComponent p : inputs.getParameter()) {
            if ("system".equals(p.getName()) && p.hasValue() && p.getValue().isPrimitive()) {
                wanted.add(p.getValue().primitiveValue());
            }
            if ("coding".equals(p.getName()) && p.getValue() instanceof org.hl7.fhir.r5.model.Coding coding) {
                wanted.add(coding.getSystem());
            }
            if ("useSupplement".equals(p.getName()) && p.hasValue()) {
                wanted.add(p.getValue().primitiveValue());
            }
            if ("valueSet".equals(p.getName()) && p.getResource() instanceof ValueSet vs) {
                vs.getExtensionsByUrl(SUPPLEMENT)
                        .forEach(e -> wanted.add(e.getValue().primitiveValue()));
            }
        }
        var url = inputs.hasParameter("url") ? inputs.getParameterValue("url").primitiveValue() : null;
        for (var r : definitions) {
            if (r instanceof ValueSet vs
                    && url != null
                    && (url.equals(vs.getUrl()) || url.equals(vs.getVersionedUrl()))) {
                vs.getExtensionsByUrl(SUPPLEMENT)
                        .forEach(e -> wanted.add(e.getValue().primitiveValue()));
            }
        }
        var kept = new ArrayList<Resource>();
        for (var r : definitions) {
            if (r instanceof CodeSystem cs
                    && cs.getContent() == CodeSystemContentMode.SUPPLEMENT
                    && !wanted.contains(cs.getUrl())
                    && !wanted.contains(cs.getVersionedUrl())) {
                continue;
            }
            kept.add(r);
        }
        return kept;
    }

    String string(String name) {
        for (var p : received.getParameter()) {
            if (name.equals(p.getName()) && p.hasValue() && p.getValue().isPrimitive()) {
                return p.getValue().primitiveValue();
            }
        }
        if (parameters != null) {
            var p = parameters.getParameter(name);
            return p != null && p.hasValue() && p.getValue().isPrimitive()
                    ? p.getValue().primitiveValue()
                    : null;
        }
        return null;
    }

    boolean has(String name) {
        return received.getParameter().stream().anyMatch(p -> name.equals(p.getName()))
                || parameters != null && parameters.hasParameter(name);
    }

    boolean flag(String name, boolean otherwise) {
        var value = string(name);
        return value == null ? otherwise : "true".equalsIgnoreCase(value);
    }

    int integer(String name, int otherwise) {
        var value = string(name);
        if (value == null) {
            return otherwise;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw TerminologyOperationException.of(
                    400,
                    org.hl7.fhir.r4.model.OperationOutcome.IssueType.INVALID,
                    "invalid-data",
                    "Parameter '" + name + "' must be an integer");
        }
    }

    String acceptLanguage() {
        return acceptLanguage;
    }
}
