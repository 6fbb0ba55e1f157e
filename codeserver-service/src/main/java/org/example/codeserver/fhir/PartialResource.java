package org.example.codeserver.fhir;

import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IPrimitiveType;
import org.hl7.fhir.r4.model.InstantType;

/**
 * FHIR's rules for partial resources on read and search: {@code _summary} (true, text, data, count) and
 * {@code _elements} leave out a code system's concepts, so they are then never built; HAPI encodes only the elements
 * asked for and tags the answer SUBSETTED. Without either (or with {@code _summary=false}) a code system has every
 * concept.
 */
final class PartialResource {

    private static final Set<String> WITHOUT_CONCEPTS = Set.of("true", "text", "data", "count");

    private PartialResource() {}

    /** Whether the answer to this read or search includes the concepts of a code system. */
    static boolean wantsConcepts(RequestDetails details) {
        var summary = details.getParameters().get("_summary");
        if (summary != null && summary.length > 0 && WITHOUT_CONCEPTS.contains(summary[0])) {
            return false;
        }
        var elements = details.getParameters().get("_elements");
        if (elements != null && elements.length > 0) {
            return Arrays.stream(elements)
                    .flatMap(e -> Arrays.stream(e.split(",")))
                    .map(String::trim)
                    .anyMatch(e -> e.equals("concept") || e.equals("CodeSystem.concept") || e.equals("*"));
        }
        return true;
    }

    /** Search results whose resources are built only when HAPI encodes the page they are on. */
    static final class LazyBundle implements IBundleProvider {

        private final List<Supplier<? extends IBaseResource>> entries;
        private final InstantType published;

        LazyBundle(List<Supplier<? extends IBaseResource>> entries, java.time.Instant published) {
            this.entries = List.copyOf(entries);
            this.published = new InstantType(java.util.Date.from(published));
        }

        @Override
        public IPrimitiveType<java.util.Date> getPublished() {
            return published;
        }

        @Override
        public List<IBaseResource> getResources(int fromIndex, int toIndex) {
            return entries.subList(Math.min(fromIndex, entries.size()), Math.min(toIndex, entries.size())).stream()
                    .map(s -> (IBaseResource) s.get())
                    .toList();
        }

        @Override
        public String getUuid() {
            return null;
        }

        @Override
        public Integer preferredPageSize() {
            return null;
        }

        @Override
        public Integer size() {
            return entries.size();
        }
    }
}
