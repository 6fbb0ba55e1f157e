package org.example.codeserver.fhir;

import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.Parameters.ParametersParameterComponent;
import org.hl7.fhir.r4.model.ValueSet;
import org.springframework.lang.Nullable;

/**
 * The input of ValueSet {@code $expand}, parsed once at the HAPI edge.
 *
 * @param filter the text filter, or null
 * @param activeOnly whether inactive codes are left out
 * @param excludeNested the {@code excludeNested} sent, or null when the request did not say
 * @param echoed the parameters an expansion repeats in {@code expansion.parameter}, as received
 */
record ValueSetExpansion(
        ValueSetSource valueSet,
        @Nullable String filter,
        Paging paging,
        boolean activeOnly,
        @Nullable Boolean excludeNested,
        Languages languages,
        List<ParametersParameterComponent> echoed,
        EngineInput engine) {

    private static final Set<String> ECHOED = Set.of(
            "filter", "count", "offset", "activeOnly", "displayLanguage", "excludeNested", "includeDesignations");

    ValueSetExpansion {
        echoed = List.copyOf(echoed);
    }

    static ValueSetExpansion of(TerminologyRequest request, @Nullable ValueSet instance) {
        return new ValueSetExpansion(
                ValueSetSource.of(request, instance),
                request.string("filter"),
                Paging.of(request),
                request.flag("activeOnly", false),
                request.has("excludeNested") ? request.flag("excludeNested", false) : null,
                Languages.of(request),
                request.received().getParameter().stream()
                        .filter(p -> ECHOED.contains(p.getName()))
                        .toList(),
                request.engineInput());
    }

    /**
     * Which page of the expansion is wanted.
     *
     * @param count the most concepts to return ({@link Integer#MAX_VALUE} when not asked, 0 for a negative count)
     * @param countSent whether the request sent {@code count}
     * @param offsetSent whether the request sent {@code offset}
     */
    record Paging(int offset, int count, boolean offsetSent, boolean countSent) {

        static Paging of(TerminologyRequest request) {
            var count = request.integer("count", Integer.MAX_VALUE);
            return new Paging(
                    Math.max(0, request.integer("offset", 0)),
                    Math.max(0, count),
                    request.has("offset"),
                    request.has("count"));
        }
    }
}
