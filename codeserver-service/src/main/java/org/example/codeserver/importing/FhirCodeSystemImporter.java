package org.example.codeserver.importing;

import static java.nio.charset.StandardCharsets.UTF_8;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.example.codeserver.codesystem.ConceptProperty;
import org.example.codeserver.codesystem.ConceptStatus;
import org.example.codeserver.codesystem.Designation;
import org.example.codeserver.codesystem.InvalidCodeSystemException;
import org.example.codeserver.codesystem.NewCodeSystem;
import org.example.codeserver.codesystem.NewConcept;
import org.example.codeserver.codesystem.PropertyDefinition;
import org.example.codeserver.codesystem.PublicationStatus;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.CodeSystem.ConceptDefinitionComponent;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.PrimitiveType;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;

/**
 * A FHIR R4 CodeSystem resource in JSON, parsed with HAPI FHIR. Nested concepts and {@code parent} properties give the
 * hierarchy (several parents allowed); designations keep language and use; a concept is inactive when its
 * {@code inactive} property is true or its {@code status} property is {@code retired} or {@code inactive}
 * ({@code deprecated} concepts stay active and keep the property). An identifier {@code urn:oid:...} gives the OID.
 */
@Component
public class FhirCodeSystemImporter implements CodeSystemParser {

    private static final Pattern JSON_LINE = Pattern.compile("line: ?(\\d+)|line (\\d+)");

    @Override
    public ImportFormat format() {
        return ImportFormat.FHIR_CODESYSTEM;
    }

    @Override
    public NewCodeSystem parse(SourceFiles files, ImportMetadata metadata) {
        var name = files.files().keySet().stream()
                .filter(n -> n.endsWith(".json"))
                .findFirst()
                .orElse(files.files().keySet().iterator().next());
        return toNewCodeSystem(parse(new String(files.require(name), UTF_8)), metadata);
    }

    /** Parses CodeSystem JSON; a syntax error names its line. */
    static CodeSystem parse(String json) {
        try {
            var resource = FhirContext.forR4Cached().newJsonParser().parseResource(json);
            if (resource instanceof CodeSystem codeSystem) {
                return codeSystem;
            }
            throw new InvalidCodeSystemException(
                    0, "resourceType", "Expected a CodeSystem resource, got " + resource.fhirType());
        } catch (DataFormatException e) {
            var matcher = JSON_LINE.matcher(String.valueOf(e.getMessage()));
            int line = matcher.find()
                    ? Integer.parseInt(matcher.group(1) != null ? matcher.group(1) : matcher.group(2))
                    : 0;
            throw new InvalidCodeSystemException(line, "The file is not valid FHIR JSON: " + shorten(e.getMessage()));
        }
    }

    /** Converts a HAPI CodeSystem resource; metadata given overrides what the resource says. */
    public NewCodeSystem toNewCodeSystem(CodeSystem resource, ImportMetadata metadata) {
        if (resource.getContent() == CodeSystem.CodeSystemContentMode.SUPPLEMENT) {
            throw new InvalidCodeSystemException(0, "content", "Code system supplements are not supported");
        }
        String oid = null;
        var aliasOids = new ArrayList<String>(metadata.aliasOids());
        for (var identifier : resource.getIdentifier()) {
            var value = identifier.getValue();
            if (value != null && value.startsWith("urn:oid:")) {
                if (oid == null) {
                    oid = value.substring("urn:oid:".length());
                } else {
                    aliasOids.add(value.substring("urn:oid:".length()));
                }
            }
        }
        var concepts = new ArrayList<NewConcept>();
        int[] position = {0};
        for (var concept : resource.getConcept()) {
            collect(concept, null, concepts, position);
        }
        var properties = new ArrayList<PropertyDefinition>();
        for (var property : resource.getProperty()) {
            properties.add(new PropertyDefinition(
                    property.getCode(),
                    property.getUri(),
                    property.getType() == null ? "string" : property.getType().toCode(),
                    property.getDescription()));
        }
        var url = ImportMetadata.or(metadata.url(), resource.getUrl());
        if (url == null) {
            throw new InvalidCodeSystemException(0, "url", "The CodeSystem has no url");
        }
        var status = metadata.status() != null
                ? metadata.status()
                : resource.getStatus() == org.hl7.fhir.r4.model.Enumerations.PublicationStatus.DRAFT
                        ? PublicationStatus.DRAFT
                        : resource.getStatus() == org.hl7.fhir.r4.model.Enumerations.PublicationStatus.RETIRED
                                ? PublicationStatus.RETIRED
                                : PublicationStatus.ACTIVE;
        var effectiveDate = metadata.effectiveDate() != null
                ? metadata.effectiveDate()
                : resource.hasDate()
                        ? resource.getDate().toInstant().atZone(ZoneOffset.UTC).toLocalDate()
                        : null;
        return new NewCodeSystem(
                new NewCodeSystem.Identity(
                        url,
                        ImportMetadata.or(metadata.oid(), oid),
                        aliasOids,
                        ImportMetadata.or(
                                metadata.slug(), resource.getIdElement().getIdPart()),
                        ImportMetadata.or(metadata.name(), ImportMetadata.or(resource.getName(), url)),
                        ImportMetadata.or(metadata.title(), resource.getTitle()),
                        ImportMetadata.or(metadata.publisher(), resource.getPublisher()),
                        resource.getDescription()),
                new NewCodeSystem.Release(
                        ImportMetadata.or(metadata.version(), resource.getVersion()),
                        status,
                        effectiveDate,
                        resource.getLanguage()),
                new NewCodeSystem.Definition(
                        resource.hasHierarchyMeaning()
                                ? resource.getHierarchyMeaning().toCode()
                                : null,
                        resource.hasContent() ? resource.getContent().toCode() : "complete",
                        !resource.hasCaseSensitive() || resource.getCaseSensitive(),
                        "FHIR CodeSystem",
                        properties,
                        concepts));
    }

    private static void collect(
            ConceptDefinitionComponent concept, @Nullable String enclosing, List<NewConcept> out, int[] position) {
        position[0]++;
        if (!concept.hasCode()) {
            throw new InvalidCodeSystemException(position[0], "code", "Concept number " + position[0] + " has no code");
        }
        var parents = new ArrayList<String>();
        if (enclosing != null) {
            parents.add(enclosing);
        }
        var properties = new ArrayList<ConceptProperty>();
        var status = ConceptStatus.ACTIVE;
        for (var property : concept.getProperty()) {
            var code = property.getCode();
            var value = property.getValue();
            if ("parent".equals(code) && value instanceof CodeType parent) {
                if (!parents.contains(parent.getValue())) {
                    parents.add(parent.getValue());
                }
                continue;
            }
            if ("child".equals(code)) {
                continue;
            }
            if (("inactive".equals(code) && value instanceof BooleanType b && b.booleanValue())
                    || ("status".equals(code)
                            && value instanceof CodeType s
                            && ("retired".equals(s.getValue()) || "inactive".equals(s.getValue())))) {
                status = ConceptStatus.INACTIVE;
            }
            if (value instanceof Coding coding) {
                properties.add(new ConceptProperty(
                        code,
                        "Coding",
                        String.join(
                                "|",
                                nullToEmpty(coding.getSystem()),
                                nullToEmpty(coding.getCode()),
                                nullToEmpty(coding.getDisplay()))));
            } else if (value instanceof PrimitiveType<?> primitive) {
                properties.add(new ConceptProperty(code, value.fhirType(), primitive.getValueAsString()));
            }
        }
        var designations = new ArrayList<Designation>();
        for (var designation : concept.getDesignation()) {
            var use = designation.hasUse() ? designation.getUse() : null;
            designations.add(new Designation(
                    designation.getLanguage(),
                    use == null ? null : use.getSystem(),
                    use == null ? null : use.getCode(),
                    use == null ? null : use.getDisplay(),
                    designation.getValue()));
        }
        out.add(new NewConcept(
                concept.getCode(),
                concept.getDisplay(),
                concept.getDefinition(),
                status,
                parents,
                designations,
                properties,
                position[0]));
        for (var child : concept.getConcept()) {
            collect(child, concept.getCode(), out, position);
        }
    }

    private static String nullToEmpty(@Nullable String value) {
        return value == null ? "" : value;
    }

    private static String shorten(@Nullable String message) {
        if (message == null) {
            return "";
        }
        return message.length() > 300 ? message.substring(0, 300) + "…" : message;
    }
}
