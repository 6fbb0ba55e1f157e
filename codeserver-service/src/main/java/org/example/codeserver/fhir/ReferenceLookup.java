package org.example.codeserver.fhir;

import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.convertors.factory.VersionConvertorFactory_40_50;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r5.context.SimpleWorkerContext;
import org.hl7.fhir.r5.model.BooleanType;
import org.hl7.fhir.r5.model.CanonicalType;
import org.hl7.fhir.r5.model.CodeSystem;
import org.hl7.fhir.r5.model.CodeSystem.ConceptDefinitionComponent;
import org.hl7.fhir.r5.model.CodeType;
import org.hl7.fhir.r5.model.Coding;
import org.hl7.fhir.r5.model.DataType;
import org.hl7.fhir.r5.model.Enumerations.CodeSystemContentMode;
import org.hl7.fhir.r5.model.Parameters;
import org.hl7.fhir.r5.model.Parameters.ParametersParameterComponent;
import org.hl7.fhir.r5.model.StringType;
import org.hl7.fhir.r5.model.UriType;
import org.hl7.fhir.r5.terminologies.CodeSystemUtilities;

/** CodeSystem $lookup and $subsumes by the HL7 reference engine, on FHIR-defined code systems. */
final class ReferenceLookup {

    private static final String PREFERRED_FOR_LANGUAGE = "http://terminology.hl7.org/CodeSystem/hl7TermMaintInfra";

    private ReferenceLookup() {}

    static org.hl7.fhir.r4.model.Parameters lookup(SimpleWorkerContext context, CodeLookup lookup) {
        var coding = coding(lookup.coding(), lookup.instance());
        var codeSystem = codeSystem(context, lookup.instance(), coding);
        var concept = find(codeSystem, coding.getCode());
        var supplements = supplements(context, lookup.engine().supplements(), codeSystem);

        var out = new Parameters();
        out.addParameter("code", new CodeType(concept.getCode()));
        out.addParameter("system", new UriType(codeSystem.getUrl()));
        out.addParameter("name", new StringType(codeSystem.hasName() ? codeSystem.getName() : codeSystem.getUrl()));
        if (codeSystem.hasVersion()) {
            out.addParameter("version", new StringType(codeSystem.getVersion()));
        }
        if (concept.hasDisplay()) {
            out.addParameter("display", new StringType(concept.getDisplay()));
        }
        if (concept.hasDefinition()) {
            out.addParameter("definition", new StringType(concept.getDefinition()));
        }
        out.addParameter("abstract", new BooleanType(CodeSystemUtilities.isNotSelectable(codeSystem, concept)));
        if (concept.hasDisplay()) {
            var d = out.addParameter().setName("designation");
            d.addPart()
                    .setName("language")
                    .setValue(new CodeType(codeSystem.hasLanguage() ? codeSystem.getLanguage() : "en"));
            d.addPart()
                    .setName("use")
                    .setValue(new Coding(PREFERRED_FOR_LANGUAGE, "preferredForLanguage", "Preferred For Language"));
            d.addPart().setName("value").setValue(new StringType(concept.getDisplay()));
        }
        addDesignations(out, concept, null);
        for (var supplement : supplements) {
            var extra = CodeSystemUtilities.findCode(supplement.getConcept(), concept.getCode());
            if (extra != null) {
                addDesignations(out, extra, supplement.getVersionedUrl());
            }
        }
        var inactive = CodeSystemUtilities.isInactive(codeSystem, concept);
        addProperty(out, "inactive", new BooleanType(inactive), null);
        var parent = parentOf(codeSystem.getConcept(), concept, null);
        if (parent != null) {
            addProperty(out, "parent", new CodeType(parent.getCode()), parent.getDisplay());
        }
        for (var child : concept.getConcept()) {
            addProperty(out, "child", new CodeType(child.getCode()), child.getDisplay());
        }
        for (var property : concept.getProperty()) {
            if (!"parent".equals(property.getCode())
                    && !"child".equals(property.getCode())
                    && !"inactive".equals(property.getCode())) {
                addProperty(out, property.getCode(), property.getValue(), null);
            }
        }
        for (var supplement : supplements) {
            out.addParameter("used-supplement", new CanonicalType(supplement.getVersionedUrl()));
        }
        return (org.hl7.fhir.r4.model.Parameters) VersionConvertorFactory_40_50.convertResource(out);
    }

    static org.hl7.fhir.r4.model.Parameters subsumes(SimpleWorkerContext context, SubsumptionCheck check) {
        var instance = check.instance();
        var a = coding(check.a(), instance);
        var b = coding(check.b(), instance);
        if (a.hasSystem() && b.hasSystem() && !a.getSystem().equals(b.getSystem())) {
            throw TerminologyOperationException.of(
                    400, IssueType.INVALID, "invalid-data", "codeA and codeB must be from the same code system");
        }
        var codeSystem = codeSystem(context, instance, a.hasSystem() ? a : b);
        var conceptA = find(codeSystem, a.getCode());
        var conceptB = find(codeSystem, b.getCode());
        String outcome;
        if (conceptA.getCode().equals(conceptB.getCode())) {
            outcome = "equivalent";
        } else if (isAncestor(codeSystem, conceptA, conceptB)) {
            outcome = "subsumes";
        } else if (isAncestor(codeSystem, conceptB, conceptA)) {
            outcome = "subsumed-by";
        } else {
            outcome = "not-subsumed";
        }
        var out = new org.hl7.fhir.r4.model.Parameters();
        out.addParameter().setName("outcome").setValue(new org.hl7.fhir.r4.model.CodeType(outcome));
        return out;
    }

    /** The code in the engine's model; the system must be named unless the code system is the instance. */
    private static Coding coding(CodedValue coded, org.hl7.fhir.r4.model.CodeSystem instance) {
        if (coded.system() == null && instance == null) {
            throw TerminologyOperationException.of(
                    400,
                    IssueType.REQUIRED,
                    "invalid-data",
                    "Parameter 'system' is required when the code system is not given by id");
        }
        return new Coding(coded.system(), coded.code(), coded.display()).setVersion(coded.version());
    }

    private static boolean isAncestor(
            CodeSystem codeSystem, ConceptDefinitionComponent ancestor, ConceptDefinitionComponent concept) {
        var parent = parentOf(codeSystem.getConcept(), concept, null);
        while (parent != null) {
            if (parent.getCode().equals(ancestor.getCode())) {
                return true;
            }
            parent = parentOf(codeSystem.getConcept(), parent, null);
        }
        return false;
    }

    private static CodeSystem codeSystem(
            SimpleWorkerContext context, org.hl7.fhir.r4.model.CodeSystem instance, Coding coding) {
        if (instance != null) {
            return (CodeSystem) VersionConvertorFactory_40_50.convertResource(instance);
        }
        var system = coding.getSystem();
        var found = coding.hasVersion()
                ? context.fetchCodeSystem(system, coding.getVersion(), null)
                : context.fetchCodeSystem(system);
        if (found == null || found.getContent() == CodeSystemContentMode.SUPPLEMENT) {
            var what = coding.hasVersion() ? system + "|" + coding.getVersion() : system;
            throw TerminologyOperationException.of(
                    404,
                    IssueType.NOTFOUND,
                    "not-found",
                    "A definition for CodeSystem '" + what + "' could not be found, so the code cannot be looked up");
        }
        return found;
    }

    private static ConceptDefinitionComponent find(CodeSystem codeSystem, String code) {
        var concept = CodeSystemUtilities.findCode(codeSystem.getConcept(), code);
        if (concept == null && !codeSystem.getCaseSensitive()) {
            concept = CodeSystemUtilities.findCodeOrAltCode(codeSystem.getConcept(), code, null);
        }
        if (concept == null) {
            var version = codeSystem.hasVersion() ? " version '" + codeSystem.getVersion() + "'" : "";
            throw TerminologyOperationException.of(
                    404,
                    IssueType.CODEINVALID,
                    "invalid-code",
                    "Unknown code '" + code + "' in the CodeSystem '" + codeSystem.getUrl() + "'" + version);
        }
        return concept;
    }

    private static List<CodeSystem> supplements(
            SimpleWorkerContext context, List<String> useSupplements, CodeSystem codeSystem) {
        var result = new ArrayList<CodeSystem>();
        for (var url : useSupplements) {
            var supplement = context.fetchResource(CodeSystem.class, url);
            if (supplement == null || !codeSystem.getUrl().equals(stripVersion(supplement.getSupplements()))) {
                throw TerminologyOperationException.of(
                        404, IssueType.NOTFOUND, "not-found", "Required supplement not found: " + url);
            }
            result.add(supplement);
        }
        return result;
    }

    private static String stripVersion(String canonical) {
        return canonical == null || !canonical.contains("|")
                ? canonical
                : canonical.substring(0, canonical.indexOf('|'));
    }

    private static void addDesignations(Parameters out, ConceptDefinitionComponent concept, String source) {
        for (var designation : concept.getDesignation()) {
            var d = out.addParameter().setName("designation");
            if (designation.hasLanguage()) {
                d.addPart().setName("language").setValue(new CodeType(designation.getLanguage()));
            }
            if (designation.hasUse()) {
                d.addPart().setName("use").setValue(designation.getUse());
            }
            if (source != null) {
                d.addPart().setName("source").setValue(new CanonicalType(source));
            }
            d.addPart().setName("value").setValue(new StringType(designation.getValue()));
        }
    }

    private static void addProperty(Parameters out, String code, DataType value, String description) {
        ParametersParameterComponent p = out.addParameter().setName("property");
        p.addPart().setName("code").setValue(new CodeType(code));
        p.addPart().setName("value").setValue(value);
        if (description != null) {
            p.addPart().setName("description").setValue(new StringType(description));
        }
    }

    private static ConceptDefinitionComponent parentOf(
            List<ConceptDefinitionComponent> concepts,
            ConceptDefinitionComponent target,
            ConceptDefinitionComponent parent) {
        for (var c : concepts) {
            if (c == target || c.getCode().equals(target.getCode())) {
                if (parent != null) {
                    return parent;
                }
                for (var p : target.getProperty()) {
                    if ("parent".equals(p.getCode()) && p.hasValue()) {
                        return CodeSystemUtilities.findCode(
                                concepts, p.getValue().primitiveValue());
                    }
                }
                return null;
            }
            var found = parentOf(c.getConcept(), target, c);
            if (found != null) {
                return found;
            }
        }
        return null;
    }
}
