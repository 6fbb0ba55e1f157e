package org.example.codeserver.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.hl7.fhir.convertors.factory.VersionConvertorFactory_40_50;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.MetadataResource;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores ValueSet, ConceptMap and FHIR-authored CodeSystem resources in PostgreSQL and keeps a parsed copy of
 * each in memory, so that reads and the terminology operations never touch the database.
 */
@Service
public class TerminologyResourceService {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9\\-.]{1,64}");

    private final TerminologyResourceRepository resources;
    private final FhirContext fhir;
    private final TerminologyWorkspace workspace;
    private final Map<String, MetadataResource> byKey = new ConcurrentHashMap<>();

    TerminologyResourceService(TerminologyResourceRepository resources, FhirContext fhir, TerminologyWorkspace workspace) {
        this.resources = resources;
        this.fhir = fhir;
        this.workspace = workspace;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Transactional(readOnly = true)
    public void loadStoredResources() {
        for (var type : List.of("CodeSystem", "ValueSet", "ConceptMap")) {
            for (var stored : resources.findByResourceType(type)) {
                var parsed = (MetadataResource) fhir.newJsonParser().parseResource(stored.getContent());
                stamp(parsed, stored);
                byKey.put(key(type, stored.getId()), parsed);
            }
        }
        publish();
    }

    @Transactional
    public MetadataResource create(MetadataResource resource) {
        var id = resource.getIdElement().hasIdPart() ? resource.getIdElement().getIdPart() : UUID.randomUUID().toString();
        return store(resource, id, true);
    }

    @Transactional
    public MetadataResource update(String id, MetadataResource resource) {
        return store(resource, id, false);
    }

    @Transactional
    public void delete(String type, String id) {
        var stored = resources.findById(id).filter(r -> r.getResourceType().equals(type))
                .orElseThrow(() -> new ResourceNotFoundException(new IdType(type, id)));
        resources.delete(stored);
        byKey.remove(key(type, id));
        publish();
    }

    public MetadataResource read(String type, String id) {
        var found = byKey.get(key(type, id));
        if (found == null) {
            throw new ResourceNotFoundException(new IdType(type, id));
        }
        return found.copy();
    }

    /** Resources of a type matching all the given criteria (null criteria match everything). */
    public List<MetadataResource> search(String type, String url, String version, String name) {
        var result = new ArrayList<MetadataResource>();
        for (var entry : byKey.entrySet()) {
            var r = entry.getValue();
            if (entry.getKey().startsWith(type + "/") && (url == null || url.equals(r.getUrl()))
                    && (version == null || version.equals(r.getVersion()))
                    && (name == null || r.hasName() && r.getName().toLowerCase().startsWith(name.toLowerCase()))) {
                result.add(r.copy());
            }
        }
        result.sort(Comparator.comparing(r -> r.getIdElement().getIdPart()));
        return result;
    }

    private MetadataResource store(MetadataResource resource, String id, boolean mustBeNew) {
        if (!ID.matcher(id).matches()) {
            throw new InvalidRequestException("Invalid resource id '" + id + "'");
        }
        var type = resource.fhirType();
        var stored = resources.findById(id).orElse(null);
        if (stored != null && !stored.getResourceType().equals(type)) {
            throw new InvalidRequestException("Id '" + id + "' is already used by a " + stored.getResourceType());
        }
        if (stored != null && mustBeNew) {
            throw new InvalidRequestException("A " + type + " with id '" + id + "' already exists");
        }
        if (stored == null) {
            stored = new TerminologyResource(id, type);
        }
        var copy = resource.copy();
        copy.setId(id);
        copy.setMeta(null);
        checkConvertible(copy);
        stored.revise(copy.getUrl(), copy.getVersion(), copy.getName(), copy.getTitle(),
                copy.hasStatus() ? copy.getStatus().toCode() : null, fhir.newJsonParser().encodeResourceToString(copy));
        stored = resources.save(stored);
        stamp(copy, stored);
        byKey.put(key(type, id), copy);
        publish();
        return copy.copy();
    }

    private static void checkConvertible(MetadataResource resource) {
        try {
            VersionConvertorFactory_40_50.convertResource(resource);
        } catch (RuntimeException e) {
            throw new InvalidRequestException("The " + resource.fhirType() + " cannot be used: " + e.getMessage());
        }
    }

    private static void stamp(MetadataResource resource, TerminologyResource stored) {
        resource.setId(new IdType(stored.getResourceType(), stored.getId(), Integer.toString(stored.getRevision())));
        resource.getMeta().setVersionId(Integer.toString(stored.getRevision()));
        resource.getMeta().setLastUpdatedElement(new InstantType(java.util.Date.from(stored.getLastUpdated().toInstant())));
    }

    private void publish() {
        var definitions = new ArrayList<org.hl7.fhir.r5.model.Resource>();
        for (var r : byKey.values()) {
            definitions.add(VersionConvertorFactory_40_50.convertResource(r));
        }
        workspace.replaceStoredDefinitions(definitions);
    }

    private static String key(String type, String id) {
        return type + "/" + id;
    }
}
