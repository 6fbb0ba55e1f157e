package org.example.codeserver.codesystem;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.example.codeserver.codesystem.TerminologyIndex.SystemEntry;
import org.example.codeserver.codesystem.TerminologyIndex.VersionEntry;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Service;

/**
 * Read access to every code system, answered from the in-memory index (no database round trip).
 *
 * <p>A {@code system} argument is a canonical URL, an OID (with or without {@code urn:oid:}), a known alias OID, or
 * the slug used in the JSON API. A {@code version} of {@code null} means the latest active version. Unknown systems
 * and versions throw {@link CodeSystemNotFoundException}; unknown codes give an empty result or
 * {@link ConceptNotFoundException}. ICD-10 style codes are found with or without the dot ({@code F32.1} = {@code F321}).
 */
@Service
public class TerminologyService {

    private final TerminologyIndex index;

    TerminologyService(TerminologyIndex index) {
        this.index = index;
    }

    /** All code systems with their versions, by slug. */
    public List<CodeSystemSummary> codeSystems() {
        return index.systems().stream().map(SystemEntry::summary).toList();
    }

    /** The code system with all its versions. */
    public CodeSystemSummary codeSystem(String system) {
        return entry(system).summary();
    }

    /** The code system resolved to one version ({@code null} = latest active). */
    public CodeSystemVersionDetails codeSystem(String system, @Nullable String version) {
        var entry = entry(system);
        var resolved = version(entry, system, version);
        return CodeSystemVersionDetails.of(entry.summary(), resolved.summary(resolved == entry.latest()));
    }

    /** Looks up a code; empty when the version does not contain it. */
    public Optional<ConceptDetails> concept(String system, @Nullable String version, String code) {
        var entry = entry(system);
        var resolved = version(entry, system, version);
        return resolved.index()
                .find(code)
                .map(c -> ConceptDetails.of(entry.summary().url(), resolved.version(), c));
    }

    /** The direct children of a concept, in published order. */
    public List<ConceptSummary> children(String system, @Nullable String version, String code) {
        return require(system, version, code).children().stream()
                .map(ConceptSummary::of)
                .toList();
    }

    /** All ancestors of a concept, nearest first (for ICD-10-SE: category, block, chapter). */
    public List<ConceptSummary> ancestors(String system, @Nullable String version, String code) {
        var resolved = version(entry(system), system, version);
        var concept = find(resolved, system, version, code);
        return resolved.index().ancestors(concept).stream()
                .map(ConceptSummary::of)
                .toList();
    }

    /** All descendants of a concept, nearest first. */
    public List<ConceptSummary> descendants(String system, @Nullable String version, String code) {
        var resolved = version(entry(system), system, version);
        var concept = find(resolved, system, version, code);
        return resolved.index().descendants(concept).stream()
                .map(ConceptSummary::of)
                .toList();
    }

    /** The concepts without parents, in published order. */
    public List<ConceptSummary> roots(String system, @Nullable String version) {
        return version(entry(system), system, version).index().roots().stream()
                .map(ConceptSummary::of)
                .toList();
    }

    /** How code A relates to code B; throws {@link ConceptNotFoundException} when either code is unknown. */
    public Subsumption subsumes(String system, @Nullable String version, String codeA, String codeB) {
        var resolved = version(entry(system), system, version);
        var a = find(resolved, system, version, codeA);
        var b = find(resolved, system, version, codeB);
        if (a == b) {
            return Subsumption.EQUIVALENT;
        }
        if (resolved.index().isAncestor(a, b)) {
            return Subsumption.SUBSUMES;
        }
        if (resolved.index().isAncestor(b, a)) {
            return Subsumption.SUBSUMED_BY;
        }
        return Subsumption.NOT_SUBSUMED;
    }

    /**
     * Text search, best matches first (see the class comment of the search rules in {@code ConceptSearch}). A blank
     * text matches every concept in published order.
     *
     * @return the page asked for, with the true total number of matches
     */
    public SearchPage search(String system, @Nullable String version, @Nullable String text, int offset, int count) {
        if (offset < 0 || count < 0) {
            throw new IllegalArgumentException("offset and count must not be negative");
        }
        var entry = entry(system);
        var resolved = version(entry, system, version);
        var concepts = resolved.index().concepts();
        var result = resolved.index().search(text);
        var ordinals = result.ordinals();
        var hits = new ArrayList<SearchHit>(Math.min(count, Math.max(0, ordinals.length - offset)));
        for (int i = offset; i < ordinals.length && i - offset < count; i++) {
            var concept = concepts.get(ordinals[i]);
            hits.add(new SearchHit(
                    concept.code(),
                    concept.display(),
                    concept.status(),
                    text == null ? null : resolved.index().matchedTerm(concept, text)));
        }
        return new SearchPage(
                entry.summary().url(), resolved.version(), text == null ? "" : text, result.total(), offset, hits);
    }

    /** Every code matching the text, best first; for callers that combine the search with other filters. */
    public List<String> searchCodes(String system, @Nullable String version, @Nullable String text) {
        var resolved = version(entry(system), system, version);
        var concepts = resolved.index().concepts();
        var ordinals = resolved.index().search(text).ordinals();
        var codes = new ArrayList<String>(ordinals.length);
        for (int ordinal : ordinals) {
            codes.add(concepts.get(ordinal).code());
        }
        return codes;
    }

    /** A page of all concepts in published order, with the total. */
    public ConceptPage concepts(String system, @Nullable String version, int offset, int count) {
        if (offset < 0 || count < 0) {
            throw new IllegalArgumentException("offset and count must not be negative");
        }
        var all = version(entry(system), system, version).index().concepts();
        var page = all.subList(Math.min(offset, all.size()), (int) Math.min((long) offset + count, all.size()));
        return new ConceptPage(
                all.size(), offset, page.stream().map(ConceptSummary::of).toList());
    }

    /** Every concept of a version with all its details, in published order (for downloads). */
    public List<ConceptDetails> export(String system, @Nullable String version) {
        var entry = entry(system);
        var resolved = version(entry, system, version);
        return resolved.index().concepts().stream()
                .map(c -> ConceptDetails.of(entry.summary().url(), resolved.version(), c))
                .toList();
    }

    /** Codes added, removed and renamed (display changed) from one version to another. */
    public VersionDiff diff(String system, String fromVersion, String toVersion) {
        var entry = entry(system);
        var from = version(entry, system, fromVersion).index();
        var to = version(entry, system, toVersion).index();
        var before = new HashMap<String, IndexedConcept>();
        from.concepts().forEach(c -> before.put(c.code(), c));
        var added = new ArrayList<ConceptSummary>();
        var renamed = new ArrayList<RenamedConcept>();
        for (var concept : to.concepts()) {
            var old = before.remove(concept.code());
            if (old == null) {
                added.add(ConceptSummary.of(concept));
            } else if (!Objects.equals(old.display(), concept.display())) {
                renamed.add(new RenamedConcept(concept.code(), old.display(), concept.display()));
            }
        }
        var removed = from.concepts().stream()
                .filter(c -> before.containsKey(c.code()))
                .map(ConceptSummary::of)
                .toList();
        return new VersionDiff(entry.summary().url(), fromVersion, toVersion, added, removed, renamed);
    }

    private SystemEntry entry(String system) {
        return index.system(system).orElseThrow(() -> new CodeSystemNotFoundException(system, null));
    }

    private static VersionEntry version(SystemEntry entry, String system, @Nullable String version) {
        return entry.version(version).orElseThrow(() -> new CodeSystemNotFoundException(system, version));
    }

    private IndexedConcept require(String system, @Nullable String version, String code) {
        return find(version(entry(system), system, version), system, version, code);
    }

    private static IndexedConcept find(VersionEntry resolved, String system, @Nullable String version, String code) {
        return resolved.index().find(code).orElseThrow(() -> new ConceptNotFoundException(system, version, code));
    }
}
