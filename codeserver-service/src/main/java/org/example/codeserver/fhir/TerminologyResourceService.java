package org.example.codeserver.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.hl7.fhir.convertors.factory.VersionConvertorFactory_40_50;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.MetadataResource;
import org.hl7.fhir.r4.model.PrimitiveType;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.lang.Nullable;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores ValueSet, ConceptMap and FHIR-authored CodeSystem resources in PostgreSQL and keeps a parsed copy of
 * each in memory, so that reads and the terminology operations never touch the database. Replicas share the
 * database; each learns of another's change through {@link #refreshFromOtherInstances()}.
 */
@Service
public class TerminologyResourceService {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9\\-.]{1,64}");

    private final TerminologyResourceRepository resources;
    private final FhirContext fhir;
    private final TerminologyWorkspace workspace;
    private final Clock clock;
    private final Map<String, MetadataResource> byKey = new ConcurrentHashMap<>();

    TerminologyResourceService(
            TerminologyResourceRepository resources, FhirContext fhir, TerminologyWorkspace workspace, Clock clock) {
        this.resources = resources;
        this.fhir = fhir;
        this.workspace = workspace;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void loadStoredResources() {
        refreshFromOtherInstances();
    }

    /**
     * Re-reads what another replica stored, changed or removed (they share the database): at once when notified
     * ({@link TerminologyResourceNotifications}), and on this timer as the fallback. Cheap when nothing changed: one
     * query for the revisions; only resources with another revision are read and parsed again.
     */
    @Scheduled(
            initialDelayString = "${codes.resources.refresh-interval:PT1M}",
            fixedDelayString = "${codes.resources.refresh-interval:PT1M}")
    @Transactional(readOnly = true)
    synchronized void refreshFromOtherInstances() {
        var present = new HashSet<String>();
        var changed = new ArrayList<String>();
        for (var stored : resources.findRevisions()) {
            var key = key(stored.resourceType(), stored.id());
            present.add(key);
            var held = byKey.get(key);
            if (held == null
                    || !Integer.toString(stored.revision())
                            .equals(held.getMeta().getVersionId())) {
                changed.add(stored.id());
            }
        }
        for (var stored : resources.findAllById(changed)) {
            var parsed = (MetadataResource) fhir.newJsonParser().parseResource(stored.getContent());
            stamp(parsed, stored);
            byKey.put(key(stored.getResourceType(), stored.getId()), parsed);
        }
        if (byKey.keySet().retainAll(present) || !changed.isEmpty()) {
            publish();
        }
    }

    @Transactional
    public MetadataResource create(MetadataResource resource) {
        var id = resource.getIdElement().hasIdPart()
                ? resource.getIdElement().getIdPart()
                : UUID.randomUUID().toString();
        return store(resource, id, true);
    }

    @Transactional
    public MetadataResource update(String id, MetadataResource resource) {
        return store(resource, id, false);
    }

    /** Deletes the stored resource; a request without an id (DELETE /fhir/ValueSet/) is a bad request. */
    @Transactional
    public void delete(String type, @Nullable IdType id) {
        if (id == null || !id.hasIdPart()) {
            throw new InvalidRequestException("A delete needs the id of the " + type);
        }
        var stored = resources
                .findById(id.getIdPart())
                .filter(r -> r.getResourceType().equals(type))
                .orElseThrow(() -> notFound(type));
        resources.delete(stored);
        byKey.remove(key(type, id.getIdPart()));
        publish();
    }

    public MetadataResource read(String type, String id) {
        var found = byKey.get(key(type, id));
        if (found == null) {
            throw notFound(type);
        }
        return found.copy();
    }

    /** Resources of a type matching all the given criteria (null criteria match everything). */
    public List<MetadataResource> search(String type, String url, String version, String name) {
        var result = new ArrayList<MetadataResource>();
        for (var entry : byKey.entrySet()) {
            var r = entry.getValue();
            if (entry.getKey().startsWith(type + "/")
                    && (url == null || url.equals(r.getUrl()))
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
            throw new InvalidRequestException("Invalid resource id: 1 to 64 letters, digits, '-' or '.'");
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
        checkStorable(copy);
        checkConvertible(copy);
        stored.revise(
                copy.getUrl(),
                copy.getVersion(),
                copy.getName(),
                copy.getTitle(),
                copy.hasStatus() ? copy.getStatus().toCode() : null,
                fhir.newJsonParser().encodeResourceToString(copy),
                OffsetDateTime.now(clock));
        stored = resources.save(stored);
        stamp(copy, stored);
        byKey.put(key(type, id), copy);
        publish();
        return copy.copy();
    }

    /** Not found, without the id: it is the caller's value and names nothing known (it may be a personnummer). */
    static ResourceNotFoundException notFound(String type) {
        return new ResourceNotFoundException("No " + type + " with that id is known");
    }

    /**
     * Refuses what the database cannot hold: the NUL character (PostgreSQL text has none) in any value, and search
     * columns longer than their column.
     */
    private void checkStorable(MetadataResource resource) {
        for (var value : fhir.newTerser().getAllPopulatedChildElementsOfType(resource, PrimitiveType.class)) {
            var text = value.getValueAsString();
            if (text != null && text.indexOf('\0') >= 0) {
                throw new UnprocessableEntityException("The " + resource.fhirType() + " contains the NUL character");
            }
        }
        checkLength(resource, "url", resource.getUrl(), TerminologyResource.URL_LENGTH);
        checkLength(resource, "version", resource.getVersion(), TerminologyResource.VERSION_LENGTH);
        checkLength(resource, "name", resource.getName(), TerminologyResource.NAME_LENGTH);
        checkLength(resource, "title", resource.getTitle(), TerminologyResource.TITLE_LENGTH);
    }

    private static void checkLength(MetadataResource resource, String element, @Nullable String value, int limit) {
        if (value != null && value.length() > limit) {
            throw new UnprocessableEntityException(
                    "The " + resource.fhirType() + "'s " + element + " is longer than " + limit + " characters");
        }
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
        resource.getMeta()
                .setLastUpdatedElement(new InstantType(
                        java.util.Date.from(stored.getLastUpdated().toInstant())));
    }

    private synchronized void publish() {
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
