package org.example.codeserver.codesystem;

import java.sql.Date;
import java.util.List;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeSystem.CodeSystemContentMode;
import org.hl7.fhir.r4.model.CodeSystem.CodeSystemHierarchyMeaning;
import org.hl7.fhir.r4.model.CodeSystem.ConceptDefinitionComponent;
import org.hl7.fhir.r4.model.CodeSystem.PropertyType;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Type;

/** Builds a FHIR R4 CodeSystem resource of one version: flat concepts, hierarchy as {@code parent} properties. */
public final class CodeSystemFhirExport {

    private static final String PARENT_URI = "http://hl7.org/fhir/concept-properties#parent";
    private static final String STATUS_URI = "http://hl7.org/fhir/concept-properties#status";

    private CodeSystemFhirExport() {}

    /**
     * The resource of a version with all its concepts.
     *
     * @param concepts the concepts, e.g. from {@link TerminologyService#export(String, String)}
     */
    public static org.hl7.fhir.r4.model.CodeSystem toResource(
            CodeSystemVersionDetails system, List<ConceptDetails> concepts) {
        var version = system.version();
        var resource = new org.hl7.fhir.r4.model.CodeSystem();
        resource.setId(system.slug()
                + (version.version() == null ? "" : "-" + version.version()).replaceAll("[^A-Za-z0-9.-]", "-"));
        resource.setUrl(system.url());
        if (system.oid() != null) {
            resource.addIdentifier(
                    new Identifier().setSystem("urn:ietf:rfc:3986").setValue("urn:oid:" + system.oid()));
        }
        for (var alias : system.aliasOids()) {
            resource.addIdentifier(new Identifier()
                    .setSystem("urn:ietf:rfc:3986")
                    .setValue("urn:oid:" + alias)
                    .setUse(Identifier.IdentifierUse.SECONDARY));
        }
        resource.setVersion(version.version());
        resource.setName(system.name());
        resource.setTitle(system.title());
        resource.setPublisher(system.publisher());
        resource.setDescription(system.description());
        resource.setStatus(
                switch (version.status()) {
                    case DRAFT -> PublicationStatus.DRAFT;
                    case ACTIVE -> PublicationStatus.ACTIVE;
                    case RETIRED -> PublicationStatus.RETIRED;
                });
        if (version.effectiveDate() != null) {
            resource.setDate(Date.valueOf(version.effectiveDate()));
        }
        resource.setLanguage(version.language());
        resource.setCaseSensitive(version.caseSensitive());
        if (version.hierarchyMeaning() != null) {
            resource.setHierarchyMeaning(CodeSystemHierarchyMeaning.fromCode(version.hierarchyMeaning()));
        }
        resource.setContent(CodeSystemContentMode.fromCode(version.content()));
        resource.setCount(concepts.size());
        boolean declaresParent = false;
        boolean declaresStatus = false;
        for (var property : version.properties()) {
            declaresParent |= "parent".equals(property.code());
            declaresStatus |= "status".equals(property.code());
            resource.addProperty()
                    .setCode(property.code())
                    .setUri(property.uri())
                    .setType(PropertyType.fromCode(property.type()))
                    .setDescription(property.description());
        }
        if (!declaresParent) {
            resource.addProperty().setCode("parent").setUri(PARENT_URI).setType(PropertyType.CODE);
        }
        boolean anyInactive = concepts.stream().anyMatch(c -> c.status() == ConceptStatus.INACTIVE);
        if (anyInactive && !declaresStatus) {
            resource.addProperty().setCode("status").setUri(STATUS_URI).setType(PropertyType.CODE);
        }
        for (var concept : concepts) {
            var fhir = new ConceptDefinitionComponent()
                    .setCode(concept.code())
                    .setDisplay(concept.display())
                    .setDefinition(concept.definition());
            for (var d : concept.designations()) {
                var designation =
                        fhir.addDesignation().setLanguage(d.language()).setValue(d.value());
                if (d.useCode() != null) {
                    designation.setUse(new Coding(d.useSystem(), d.useCode(), d.useDisplay()));
                }
            }
            for (var parent : concept.parents()) {
                fhir.addProperty().setCode("parent").setValue(new CodeType(parent.code()));
            }
            boolean hasStatus = false;
            for (var p : concept.properties()) {
                hasStatus |= "status".equals(p.code());
                fhir.addProperty().setCode(p.code()).setValue(value(p));
            }
            if (concept.status() == ConceptStatus.INACTIVE && !hasStatus) {
                fhir.addProperty().setCode("status").setValue(new CodeType("retired"));
            }
            resource.addConcept(fhir);
        }
        return resource;
    }

    /**
     * The same with the hierarchy as nesting: a concept with one parent is a child of that parent (its nesting says
     * what its {@code parent} property said), others are at the top with their {@code parent} properties. HAPI's
     * in-memory validation follows nesting for {@code is-a}.
     */
    public static org.hl7.fhir.r4.model.CodeSystem toHierarchicalResource(
            CodeSystemVersionDetails system, List<ConceptDetails> concepts) {
        var resource = toResource(system, concepts);
        var flat = resource.getConcept();
        var byCode = new java.util.HashMap<String, ConceptDefinitionComponent>();
        flat.forEach(c -> byCode.put(c.getCode(), c));
        var roots = new java.util.ArrayList<ConceptDefinitionComponent>();
        for (int i = 0; i < concepts.size(); i++) {
            var parents = concepts.get(i).parents();
            var parent = parents.size() == 1 ? byCode.get(parents.get(0).code()) : null;
            if (parent != null && parent != flat.get(i)) {
                flat.get(i).getProperty().removeIf(p -> "parent".equals(p.getCode()));
                parent.addConcept(flat.get(i));
            } else {
                roots.add(flat.get(i));
            }
        }
        resource.setConcept(roots);
        return resource;
    }

    private static Type value(ConceptProperty property) {
        return switch (property.type()) {
            case "code" -> new CodeType(property.value());
            case "boolean" -> new BooleanType(property.value());
            case "integer" -> new IntegerType(property.value());
            case "decimal" -> new DecimalType(property.value());
            case "dateTime" -> new DateTimeType(property.value());
            case "Coding" -> codingOf(property.value());
            default -> new StringType(property.value());
        };
    }

    /** A Coding stored as {@code system|code|display}. */
    private static Coding codingOf(String value) {
        var parts = value.split("\\|", 3);
        return new Coding(
                parts[0].isEmpty() ? null : parts[0],
                parts.length > 1 ? parts[1] : null,
                parts.length > 2 ? parts[2] : null);
    }
}
