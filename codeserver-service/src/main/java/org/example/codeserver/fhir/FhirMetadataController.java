package org.example.codeserver.fhir;

import ca.uhn.fhir.rest.annotation.Metadata;
import ca.uhn.fhir.rest.annotation.Operation;
import java.util.Date;
import java.util.List;
import org.hl7.fhir.r4.model.CanonicalType;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementKind;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.RestfulCapabilityMode;
import org.hl7.fhir.r4.model.CapabilityStatement.TypeRestfulInteraction;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Enumerations.FHIRVersion;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.TerminologyCapabilities;
import org.springframework.stereotype.Component;

/** What the server can do: the CapabilityStatement, the TerminologyCapabilities and {@code $versions}. */
@Component
class FhirMetadataController {

    static final String SOFTWARE_VERSION = "1.0.0";
    private static final String FEATURE = "http://hl7.org/fhir/uv/application-feature/StructureDefinition/feature";
    private static final String OPERATION_BASE = "http://hl7.org/fhir/OperationDefinition/";
    private static final Date RELEASED = new Date(1_763_769_600_000L);

    /** Called by HAPI on its conformance provider; this statement is written by hand, so nothing is needed. */
    public void setRestfulServer(ca.uhn.fhir.rest.server.RestfulServer server) {
        // the statement does not depend on the server's registered bindings
    }

    @Metadata(cacheMillis = 0)
    public CapabilityStatement capabilities() {
        var cs = new CapabilityStatement();
        cs.addExtension(
                feature("http://hl7.org/fhir/uv/tx-tests/FeatureDefinition/test-version", new CodeType("1.9.3")));
        cs.addExtension(feature("http://hl7.org/fhir/uv/tx-ecosystem/FeatureDefinition/CodeSystemAsParameter", null));
        cs.setUrl("http://socialstyrelsen.se/fhir/CapabilityStatement/codeserver");
        cs.setVersion(SOFTWARE_VERSION);
        cs.setName("Kodverksserver");
        cs.setTitle("Code server FHIR terminology API");
        cs.setStatus(PublicationStatus.ACTIVE);
        cs.setDate(RELEASED);
        cs.setKind(CapabilityStatementKind.INSTANCE);
        cs.addInstantiates("http://hl7.org/fhir/CapabilityStatement/terminology-server");
        cs.getSoftware()
                .setName("codeserver-service")
                .setVersion(SOFTWARE_VERSION)
                .setReleaseDate(RELEASED);
        cs.getImplementation().setDescription("Code server – the national terminologies");
        cs.setFhirVersion(FHIRVersion._4_0_1);
        cs.setFormat(List.of(new CodeType("application/fhir+json"), new CodeType("application/fhir+xml")));
        var rest = cs.addRest().setMode(RestfulCapabilityMode.SERVER);
        resource(rest, "CodeSystem", "lookup", "validate-code", "subsumes");
        resource(rest, "ValueSet", "expand", "validate-code");
        resource(rest, "ConceptMap", "translate");
        rest.addOperation().setName("versions").setDefinition(OPERATION_BASE + "-versions");
        return cs;
    }

    TerminologyCapabilities terminologyCapabilities() {
        var tc = new TerminologyCapabilities();
        tc.setUrl("http://socialstyrelsen.se/fhir/TerminologyCapabilities/codeserver");
        tc.setVersion(SOFTWARE_VERSION);
        tc.setName("KodverksserverTerminology");
        tc.setTitle("Code server terminology capabilities");
        tc.setStatus(PublicationStatus.ACTIVE);
        tc.setDate(RELEASED);
        tc.setKind(TerminologyCapabilities.CapabilityStatementKind.INSTANCE);
        tc.getSoftware().setName("codeserver-service").setVersion(SOFTWARE_VERSION);
        var expansion = tc.getExpansion().setHierarchical(true).setPaging(true);
        for (var name : List.of(
                "activeOnly",
                "check-system-version",
                "count",
                "displayLanguage",
                "excludeNested",
                "force-system-version",
                "includeDefinition",
                "includeDesignations",
                "offset",
                "property",
                "system-version",
                "tx-resource",
                "filter")) {
            expansion.addParameter().setName(name);
        }
        tc.getValidateCode().setTranslations(false);
        tc.getTranslation().setNeedsMap(false);
        tc.setCodeSearch(TerminologyCapabilities.CodeSearchSupport.ALL);
        return tc;
    }

    @Operation(name = "$versions", idempotent = true)
    public Parameters versions() {
        var p = new Parameters();
        p.addParameter().setName("version").setValue(new StringType("4.0"));
        p.addParameter().setName("default").setValue(new StringType("4.0"));
        return p;
    }

    private static Extension feature(String definition, CodeType value) {
        var extension = new Extension(FEATURE);
        extension.addExtension(new Extension("definition", new CanonicalType(definition)));
        var v = new Extension("value");
        if (value != null) {
            v.setValue(value);
        }
        extension.addExtension(v);
        return extension;
    }

    private static void resource(CapabilityStatementRestComponent rest, String type, String... operations) {
        var resource = rest.addResource().setType(type);
        for (var interaction : List.of(
                TypeRestfulInteraction.READ,
                TypeRestfulInteraction.SEARCHTYPE,
                TypeRestfulInteraction.CREATE,
                TypeRestfulInteraction.UPDATE,
                TypeRestfulInteraction.DELETE)) {
            resource.addInteraction().setCode(interaction);
        }
        for (var operation : operations) {
            resource.addOperation().setName(operation).setDefinition(OPERATION_BASE + type + "-" + operation);
        }
    }
}
