package org.example.codeserver.fhir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hl7.fhir.convertors.factory.VersionConvertorFactory_40_50;
import org.hl7.fhir.r4.formats.XmlParser;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r5.context.CanonicalResourceManager.CanonicalResourceProxy;
import org.hl7.fhir.r5.model.CanonicalResource;
import org.hl7.fhir.r5.model.CodeSystem;
import org.hl7.fhir.r5.model.PackageInformation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * FHIR's own code systems and value sets ({@code administrative-gender}, {@code publication-status}, … : the 1,167 of
 * FHIR R4 4.0.1, as HAPI ships them in {@code hapi-fhir-validation-resources-r4}), which a FHIR terminology server is
 * expected to know. The engine sees them as lazy entries of its context: only their URL, id and version are registered,
 * and a definition is copied into the context when a request first uses it ({@link TerminologyWorkspace}).
 *
 * <p>The bundle is read once, in the background from start-up on (about 1 s of one core, up to 24 MB of heap), so that
 * neither start-up nor the first request waits for it.
 */
@Component
class CoreDefinitions {

    private static final Logger log = LoggerFactory.getLogger(CoreDefinitions.class);
    private static final String BUNDLE = "/org/hl7/fhir/r4/model/valueset/valuesets.xml";
    static final PackageInformation PACKAGE = new PackageInformation("hl7.fhir.r4.core", "4.0.1", "4.0.1", new Date(0));

    /** A definition by its resource type and id (ids are unique per type only). */
    record Key(String type, String id) {
        static Key of(org.hl7.fhir.r5.model.Resource resource) {
            return new Key(resource.fhirType(), resource.getIdPart());
        }
    }

    private final CompletableFuture<Map<Key, CanonicalResource>> definitions =
            CompletableFuture.supplyAsync(CoreDefinitions::read);

    /** Every core definition; waits for the bundle on the rare request that comes before it is read. */
    Map<Key, CanonicalResource> all() {
        return definitions.join();
    }

    /**
     * A lazy entry for the definition: it becomes a copy of the definition when the engine first fetches it, and then
     * tells {@code loaded} so that the copy can be dropped after the request.
     */
    static CanonicalResourceProxy proxy(CanonicalResource definition, java.util.function.Consumer<Key> loaded) {
        var content = definition instanceof CodeSystem cs && cs.hasContent()
                ? cs.getContent().toCode()
                : null;
        var supplements = definition instanceof CodeSystem cs && cs.hasSupplements() ? cs.getSupplements() : null;
        return new CanonicalResourceProxy(
                definition.fhirType(),
                definition.getIdPart(),
                definition.getUrl(),
                definition.getVersion(),
                supplements,
                null,
                content) {
            @Override
            public CanonicalResource loadResource() {
                loaded.accept(Key.of(definition));
                return definition.copy();
            }
        };
    }

    private static Map<Key, CanonicalResource> read() {
        long started = System.nanoTime();
        Bundle bundle;
        try (var in = CoreDefinitions.class.getResourceAsStream(BUNDLE)) {
            if (in == null) {
                throw new IllegalStateException("FHIR's core definitions are not on the class path: " + BUNDLE);
            }
            bundle = (Bundle) new XmlParser().parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<CanonicalResource> converted = bundle.getEntry().stream()
                .map(Bundle.BundleEntryComponent::getResource)
                .filter(r ->
                        r instanceof org.hl7.fhir.r4.model.CodeSystem || r instanceof org.hl7.fhir.r4.model.ValueSet)
                .map(r -> (CanonicalResource) VersionConvertorFactory_40_50.convertResource(r))
                .toList();
        var byKey = converted.stream().collect(Collectors.toUnmodifiableMap(Key::of, Function.identity(), (a, b) -> a));
        log.info(
                "Read FHIR's core code systems and value sets: {} definitions in {} ms",
                byKey.size(),
                (System.nanoTime() - started) / 1_000_000);
        return byKey;
    }
}
