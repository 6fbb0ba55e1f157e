package org.example.codeserver.browser;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.example.codeserver.browser.ConceptView.Change;
import org.example.codeserver.browser.ConceptView.FmbLink;
import org.example.codeserver.browser.ConceptView.MappedCode;
import org.example.codeserver.browser.ConceptView.Release;
import org.example.codeserver.browser.ConceptView.Validity;
import org.example.codeserver.browser.SearchResults.Hit;
import org.example.codeserver.browser.SearchResults.SystemHits;
import org.example.codeserver.codesystem.CodeSystemSummary;
import org.example.codeserver.codesystem.ConceptDetails;
import org.example.codeserver.codesystem.ConceptNotFoundException;
import org.example.codeserver.codesystem.ConceptSummary;
import org.example.codeserver.codesystem.SearchHit;
import org.example.codeserver.codesystem.TerminologyService;
import org.example.codeserver.codesystem.VersionSummary;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.web.util.UriUtils;

/** What the code browser's pages show, read from the code systems as loaded (the in-memory index). */
@Service
public class CodeBrowserService {

    static final String ICD10SE = "icd-10-se";
    static final String KSH97P = "ksh97-p";

    private final TerminologyService terminology;
    private final Vocabulary vocabulary;
    private final FmbRecommendations fmb;

    CodeBrowserService(TerminologyService terminology, Vocabulary vocabulary, FmbRecommendations fmb) {
        this.terminology = terminology;
        this.vocabulary = vocabulary;
        this.fmb = fmb;
    }

    /** All code systems with their versions. */
    public List<CodeSystemSummary> codeSystems() {
        return terminology.codeSystems();
    }

    public CodeSystemSummary codeSystem(String system) {
        return terminology.codeSystem(system);
    }

    /**
     * Searches every code system, or the one named, in its current version: {@code limit} hits per code system from
     * {@code offset}, exact matches of a code or a whole text first, groups with an exact match first and then by
     * number of matches. Misspelt words ({@link Vocabulary#misspelt}) are corrected and the corrected query is
     * searched instead, unless it finds nothing.
     */
    public SearchResults search(@Nullable String q, @Nullable String system, int offset, int limit) {
        var query = q == null ? "" : q.strip();
        var named = system == null || system.isBlank() ? null : terminology.codeSystem(system);
        if (query.isEmpty()) {
            return new SearchResults("", named == null ? null : named.slug(), null, 0, List.of());
        }
        var systems = named == null ? terminology.codeSystems() : List.of(named);
        var correction = correct(query);
        var searched = correction.orElse(query);
        var groups = groups(searched, systems, offset, limit);
        if (groups.isEmpty() && correction.isPresent()) {
            searched = query;
            groups = groups(query, systems, offset, limit);
        }
        var corrected = searched.equals(query) ? null : searched;
        int total = groups.stream().mapToInt(SystemHits::total).sum();
        return new SearchResults(query, named == null ? null : named.slug(), corrected, total, groups);
    }

    private List<SystemHits> groups(String query, List<CodeSystemSummary> systems, int offset, int limit) {
        var words = Segment.words(query);
        var exact = new HashSet<String>();
        var groups = new ArrayList<SystemHits>();
        for (var system : systems) {
            var page = terminology.search(system.slug(), null, query, offset, limit);
            if (page.total() == 0) {
                continue;
            }
            var hits = new ArrayList<>(page.hits());
            hits.sort(Comparator.comparing(hit -> !isExact(hit, query)));
            if (!hits.isEmpty() && isExact(hits.get(0), query)) {
                exact.add(system.slug());
            }
            groups.add(new SystemHits(
                    system.slug(),
                    title(system),
                    page.total(),
                    offset,
                    hits.stream()
                            .map(hit -> new Hit(
                                    hit.code(),
                                    hit.display(),
                                    Segment.mark(hit.display(), words),
                                    hit.matchedTerm(),
                                    href(system.slug(), hit.code())))
                            .toList()));
        }
        groups.sort(Comparator.comparing((SystemHits g) -> !exact.contains(g.slug()))
                .thenComparing(SystemHits::total, Comparator.reverseOrder()));
        return groups;
    }

    private static boolean isExact(SearchHit hit, String query) {
        return hit.code().equalsIgnoreCase(query.replace(".", ""))
                || hit.display() != null && hit.display().equalsIgnoreCase(query);
    }

    /** The query with each misspelt word replaced, when one was; code-like words (with digits) are left alone. */
    private Optional<String> correct(String query) {
        var corrected = new ArrayList<String>();
        boolean changed = false;
        for (var token : query.split("\\s+")) {
            var words = Segment.words(token);
            String replacement = null;
            if (words.size() == 1 && words.get(0).chars().noneMatch(Character::isDigit)) {
                replacement = vocabulary.misspelt(words.get(0)).orElse(null);
            }
            changed |= replacement != null;
            corrected.add(replacement != null ? replacement : token);
        }
        return changed ? Optional.of(String.join(" ", corrected)) : Optional.empty();
    }

    /**
     * The concept page: the concept in the newest version holding it, its path from the top, its history over all
     * versions, the answer for {@code date} when given, and its maps.
     *
     * @throws ConceptNotFoundException when no version of the code system holds the code
     */
    public ConceptView concept(String system, String code, @Nullable LocalDate date) {
        var summary = terminology.codeSystem(system);
        var oldestFirst = new ArrayList<>(summary.versions());
        oldestFirst.sort(Comparator.comparing(
                        VersionSummary::effectiveDate, Comparator.nullsFirst(Comparator.<LocalDate>naturalOrder()))
                .thenComparing(VersionSummary::version, Comparator.nullsFirst(Comparator.<String>naturalOrder())));
        var history = new ArrayList<Release>();
        ConceptDetails shown = null;
        boolean current = false;
        Release previous = null;
        for (var version : oldestFirst) {
            var found = terminology.concept(summary.slug(), version.version(), code);
            var display = found.map(ConceptDetails::display).orElse(null);
            Change change;
            if (found.isEmpty()) {
                change = previous != null && previous.change().held() ? Change.REMOVED : Change.ABSENT;
            } else if (previous == null) {
                change = Change.PRESENT;
            } else if (!previous.change().held()) {
                change = Change.ADDED;
            } else {
                change = Objects.equals(previous.display(), display) ? Change.UNCHANGED : Change.RENAMED;
            }
            previous = new Release(version.version(), version.effectiveDate(), display, change);
            history.add(previous);
            if (found.isPresent()) {
                shown = found.get();
                current = version.latest();
            }
        }
        if (shown == null) {
            throw new ConceptNotFoundException(summary.slug(), null, code);
        }
        if (!current) {
            current = terminology.concept(summary.slug(), null, code).isPresent();
        }
        return new ConceptView(
                summary,
                shown,
                current,
                path(summary.slug(), shown),
                history,
                date == null ? null : validity(history, date),
                maps(summary.slug(), shown.code()),
                ICD10SE.equals(summary.slug())
                        ? fmb.forCode(shown.code())
                                .map(found -> new FmbLink(found.href(), found.title()))
                                .orElse(null)
                        : null);
    }

    private List<ConceptSummary> path(String system, ConceptDetails concept) {
        var path = new ArrayList<ConceptSummary>();
        var seen = new HashSet<String>(Set.of(concept.code()));
        var parents = concept.parents();
        while (!parents.isEmpty() && seen.add(parents.get(0).code())) {
            var parent = parents.get(0);
            path.add(0, parent);
            parents = terminology
                    .concept(system, concept.version(), parent.code())
                    .map(ConceptDetails::parents)
                    .orElse(List.of());
        }
        return path;
    }

    static Validity validity(List<Release> oldestFirst, LocalDate date) {
        int inForce = -1;
        for (int i = 0; i < oldestFirst.size(); i++) {
            var effective = oldestFirst.get(i).effectiveDate();
            if (effective != null && !effective.isAfter(date)) {
                inForce = i;
            }
        }
        if (inForce < 0) {
            return new Validity(date, null, false, null, null);
        }
        var release = oldestFirst.get(inForce);
        if (!release.change().held()) {
            return new Validity(date, release.version(), false, null, null);
        }
        int first = inForce;
        while (first > 0 && oldestFirst.get(first - 1).change().held()) {
            first--;
        }
        LocalDate until = null;
        for (int i = inForce + 1; i < oldestFirst.size() && until == null; i++) {
            if (!oldestFirst.get(i).change().held()) {
                until = oldestFirst.get(i).effectiveDate();
            }
        }
        return new Validity(
                date, release.version(), true, oldestFirst.get(first).effectiveDate(), until);
    }

    /**
     * KSH97-P ↔ ICD-10-SE, by the rule the FHIR ConceptMaps use: a KSH97-P code is an ICD-10 code, optionally with
     * {@code -} (the whole category: equivalent) or {@code -P} (a primary-care grouping: related).
     */
    private List<MappedCode> maps(String system, String code) {
        var known =
                terminology.codeSystems().stream().map(CodeSystemSummary::slug).toList();
        if (!known.contains(ICD10SE) || !known.contains(KSH97P)) {
            return List.of();
        }
        var maps = new ArrayList<MappedCode>();
        if (ICD10SE.equals(system)) {
            var ksh = terminology.codeSystem(KSH97P);
            for (var suffix : List.of("", "-", "-P")) {
                terminology
                        .concept(KSH97P, null, code + suffix)
                        .ifPresent(c -> maps.add(new MappedCode(
                                KSH97P,
                                title(ksh),
                                c.code(),
                                c.display(),
                                suffix.equals("-P") ? "närliggande" : "likvärdig")));
            }
        } else if (KSH97P.equals(system)) {
            var icd = terminology.codeSystem(ICD10SE);
            var bare = code.endsWith("-P")
                    ? code.substring(0, code.length() - 2)
                    : code.endsWith("-") ? code.substring(0, code.length() - 1) : code;
            terminology
                    .concept(ICD10SE, null, bare)
                    .ifPresent(c -> maps.add(new MappedCode(
                            ICD10SE,
                            title(icd),
                            c.code(),
                            c.display(),
                            code.endsWith("-P") ? "närliggande" : "likvärdig")));
        }
        return maps;
    }

    /**
     * The hierarchy of the current version: the top concepts, and the children of each concept on the path to
     * {@code open} (and of {@code open} itself) opened.
     */
    public List<TreeNode> tree(String system, @Nullable String open) {
        var slug = terminology.codeSystem(system).slug();
        var opened = new HashSet<String>();
        if (open != null && !open.isBlank()) {
            var concept = terminology
                    .concept(slug, null, open)
                    .orElseThrow(() -> new ConceptNotFoundException(slug, null, open));
            opened.add(concept.code());
            terminology.ancestors(slug, null, concept.code()).forEach(a -> opened.add(a.code()));
        }
        return nodes(slug, terminology.roots(slug, null), opened);
    }

    private List<TreeNode> nodes(String slug, List<ConceptSummary> concepts, Set<String> opened) {
        var nodes = new ArrayList<TreeNode>(concepts.size());
        for (var concept : concepts) {
            var children = terminology.children(slug, null, concept.code());
            boolean open = opened.contains(concept.code()) && !children.isEmpty();
            nodes.add(new TreeNode(
                    concept.code(),
                    concept.display(),
                    children.size(),
                    open,
                    open ? nodes(slug, children, opened) : List.of()));
        }
        return nodes;
    }

    static String title(CodeSystemSummary system) {
        return system.title() != null ? system.title() : system.name();
    }

    static String href(String slug, String code) {
        return "/codes/" + slug + "/" + UriUtils.encodePathSegment(code, StandardCharsets.UTF_8);
    }
}
