package org.example.codeserver.codesystem;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.lang.Nullable;

/**
 * Immutable in-memory index of one code system version: concepts by code (a hash lookup), the hierarchy both ways,
 * and the text search index.
 */
final class ConceptIndex {

    /** ICD-10 style codes written with a dot ({@code F32.1}); they are stored without it ({@code F321}). */
    private static final Pattern DOTTED_CODE = Pattern.compile("[A-Za-z][0-9]{2}[0-9A-Za-z-]?\\.[0-9A-Za-z]{1,4}");

    private final List<IndexedConcept> concepts;
    private final Map<String, IndexedConcept> byCode;
    private final List<IndexedConcept> roots;
    private final ConceptSearch search;

    private ConceptIndex(List<IndexedConcept> concepts, Map<String, IndexedConcept> byCode) {
        this.concepts = List.copyOf(concepts);
        this.byCode = byCode;
        this.roots = this.concepts.stream().filter(c -> c.parents().isEmpty()).toList();
        this.search = new ConceptSearch(this.concepts);
    }

    /**
     * Builds the index from concepts in their published order.
     *
     * @param parentCodes the parent codes per concept code; codes missing from the version are ignored
     */
    static ConceptIndex build(List<IndexedConcept> concepts, Map<String, List<String>> parentCodes) {
        var byCode = new HashMap<String, IndexedConcept>(concepts.size() * 2);
        for (var concept : concepts) {
            byCode.put(concept.code(), concept);
        }
        parentCodes.forEach((code, parents) -> {
            var child = byCode.get(code);
            if (child != null) {
                for (var parentCode : parents) {
                    var parent = byCode.get(parentCode);
                    if (parent != null && parent != child) {
                        child.linkParent(parent);
                    }
                }
            }
        });
        concepts.forEach(IndexedConcept::freeze);
        return new ConceptIndex(concepts, byCode);
    }

    /** Builds the index straight from imported concepts (the same result as reading them back from the database). */
    static ConceptIndex of(List<NewConcept> source) {
        var concepts = new java.util.ArrayList<IndexedConcept>(source.size());
        var parents = new HashMap<String, List<String>>();
        for (var concept : source) {
            concepts.add(new IndexedConcept(
                    concepts.size(),
                    concept.code(),
                    concept.display(),
                    concept.definition(),
                    concept.status(),
                    concept.designations(),
                    concept.properties()));
            if (!concept.parents().isEmpty()) {
                parents.put(concept.code(), concept.parents());
            }
        }
        return build(concepts, parents);
    }

    int size() {
        return concepts.size();
    }

    List<IndexedConcept> concepts() {
        return concepts;
    }

    List<IndexedConcept> roots() {
        return roots;
    }

    /** The concept with this code; ICD-10 style codes are also found written with a dot. */
    Optional<IndexedConcept> find(String code) {
        var concept = byCode.get(code);
        if (concept == null
                && code.indexOf('.') > 0
                && DOTTED_CODE.matcher(code).matches()) {
            concept = byCode.get(code.replace(".", ""));
        }
        return Optional.ofNullable(concept);
    }

    /** Ancestors, nearest first, each once (breadth first over all parents). */
    List<IndexedConcept> ancestors(IndexedConcept concept) {
        return closure(concept, true);
    }

    /** Descendants, nearest first, each once. */
    List<IndexedConcept> descendants(IndexedConcept concept) {
        return closure(concept, false);
    }

    boolean isAncestor(IndexedConcept ancestor, IndexedConcept of) {
        var queue = new ArrayDeque<>(of.parents());
        var seen = new java.util.HashSet<IndexedConcept>();
        while (!queue.isEmpty()) {
            var next = queue.poll();
            if (next == ancestor) {
                return true;
            }
            if (seen.add(next)) {
                queue.addAll(next.parents());
            }
        }
        return false;
    }

    ConceptSearch.Result search(@Nullable String text) {
        return search.search(text);
    }

    @Nullable
    String matchedTerm(IndexedConcept concept, String text) {
        return search.matchedTerm(concept, text);
    }

    private static List<IndexedConcept> closure(IndexedConcept start, boolean up) {
        var seen = new LinkedHashSet<IndexedConcept>();
        var queue = new ArrayDeque<IndexedConcept>(up ? start.parents() : start.children());
        while (!queue.isEmpty()) {
            var next = queue.poll();
            if (next != start && seen.add(next)) {
                queue.addAll(up ? next.parents() : next.children());
            }
        }
        return new ArrayList<>(seen);
    }
}
