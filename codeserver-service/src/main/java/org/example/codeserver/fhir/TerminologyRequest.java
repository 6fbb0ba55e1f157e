package org.example.codeserver.fhir;

import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.convertors.factory.VersionConvertorFactory_40_50;
import org.hl7.fhir.r5.model.CodeSystem;
import org.hl7.fhir.r5.model.Enumerations.CodeSystemContentMode;
import org.hl7.fhir.r5.model.Parameters;
import org.hl7.fhir.r5.model.ValueSet;
import org.hl7.fhir.r5.model.Parameters.ParametersParameterComponent;
import org.hl7.fhir.r5.model.Resource;

/**
 * The parameters of one terminology operation in the engine's (R5) model, with the caller's Accept-Language.
 * The {@code tx-resource} parameters are split off: they are definitions, not operation inputs.
 */
record TerminologyRequest(Parameters parameters, List<Resource> definitions, String acceptLanguage) {

    private static final String SUPPLEMENT = "http://hl7.org/fhir/StructureDefinition/valueset-supplement";

    static TerminologyRequest of(org.hl7.fhir.r4.model.Parameters r4, String acceptLanguage) {
        var all = (Parameters) VersionConvertorFactory_40_50.convertResource(r4);
        var inputs = new Parameters();
        var definitions = new ArrayList<Resource>();
        for (ParametersParameterComponent p : all.getParameter()) {
            if ("tx-resource".equals(p.getName()) && p.hasResource()) {
                definitions.add(p.getResource());
            } else {
                inputs.addParameter(p);
            }
        }
        return new TerminologyRequest(inputs, withoutUnusedSupplements(inputs, definitions), acceptLanguage);
    }

    /** A supplement applies only where it is asked for: by useSupplement, or by a value set's supplement extension. */
    private static List<Resource> withoutUnusedSupplements(Parameters inputs, List<Resource> definitions) {
        var wanted = new java.util.HashSet<String>();
        for (var p : inputs.getParameter()) {
            if ("useSupplement".equals(p.getName()) && p.hasValue()) {
                wanted.add(p.getValue().primitiveValue());
            }
            if ("valueSet".equals(p.getName()) && p.getResource() instanceof ValueSet vs) {
                vs.getExtensionsByUrl(SUPPLEMENT).forEach(e -> wanted.add(e.getValue().primitiveValue()));
            }
        }
        for (var r : definitions) {
            if (r instanceof ValueSet vs) {
                vs.getExtensionsByUrl(SUPPLEMENT).forEach(e -> wanted.add(e.getValue().primitiveValue()));
            }
        }
        var kept = new ArrayList<Resource>();
        for (var r : definitions) {
            if (r instanceof CodeSystem cs && cs.getContent() == CodeSystemContentMode.SUPPLEMENT
                    && !wanted.contains(cs.getUrl()) && !wanted.contains(cs.getVersionedUrl())) {
                continue;
            }
            kept.add(r);
        }
        return kept;
    }

    String string(String name) {
        var p = parameters.getParameter(name);
        return p != null && p.hasValue() && p.getValue().isPrimitive() ? p.getValue().primitiveValue() : null;
    }

    boolean has(String name) {
        return parameters.hasParameter(name);
    }

    boolean flag(String name, boolean otherwise) {
        var value = string(name);
        return value == null ? otherwise : "true".equalsIgnoreCase(value);
    }

    /** The display language asked for: the displayLanguage parameter, else the Accept-Language header. */
    String language() {
        var lang = string("displayLanguage");
        return lang != null ? lang : acceptLanguage;
    }
}
