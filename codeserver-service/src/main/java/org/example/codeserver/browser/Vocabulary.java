package org.example.codeserver.browser;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.example.codeserver.codesystem.TerminologyService;
import org.example.codeserver.codesystem.VersionSummary;
import org.springframework.stereotype.Component;

/**
 * Every word of the current versions of all code systems (displays and alternative terms), for typo tolerance: a
 * misspelt query word ({@link #misspelt}) is replaced by the most frequent word within one edit (two for words of
 * eight letters or more, when the two share a one-letter deletion), an edit being an insertion, a deletion, a substitution or a swap of two neighbours. The letters
 * å, ä and ö are letters of their own: {@code a} for {@code ä} is an edit like any other. Rebuilt when the set of
 * current versions changes (an import).
 */
@Component
class Vocabulary {

    static final int MIN_LENGTH = 4;
    static final int LONG_WORD = 8;

    private final TerminologyService terminology;
    private static final String[] NONE = new String[0];

    private volatile Words words = new Words("", NONE, Map.of(), Map.of(), 0);

    Vocabulary(TerminologyService terminology) {
        this.terminology = terminology;
    }

    /**
     * Whether the word is misspelt: it starts no known word, or it is no whole word itself and a close word is more
     * frequent than all the words it starts together ({@code diabetis} starts only the rare {@code diabetisk}, while
     * {@code diabetes} is everywhere). Words shorter than {@link #MIN_LENGTH} are never taken as misspelt.
     */
    Optional<String> misspelt(String word) {
        if (word.length() < MIN_LENGTH) {
            return Optional.empty();
        }
        var current = current();
        var sorted = current.sorted();
        int at = Arrays.binarySearch(sorted, word);
        if (at >= 0) {
            return Optional.empty();
        }
        int started = 0;
        for (int i = -at - 1; i < sorted.length && sorted[i].startsWith(word); i++) {
            started += current.counts().get(sorted[i]);
        }
        if (started >= current.mostFrequent()) {
            return Optional.empty(); // no word could be more frequent
        }
        int total = started;
        return correct(current, word).filter(c -> total == 0 || current.counts().get(c) > total);
    }

    /**
     * The closest known word: the candidates are the words that share a one-letter deletion with it (or are it with
     * one letter more or less), found in the deletion index, then checked by {@link #distance}.
     */
    private static Optional<String> correct(Words current, String word) {
        int allowed = word.length() >= LONG_WORD ? 2 : 1;
        var candidates = new HashSet<String>();
        candidates.addAll(Arrays.asList(current.deletions().getOrDefault(word, NONE)));
        for (int i = 0; i < word.length(); i++) {
            var deleted = word.substring(0, i) + word.substring(i + 1);
            if (current.counts().containsKey(deleted)) {
                candidates.add(deleted);
            }
            candidates.addAll(Arrays.asList(current.deletions().getOrDefault(deleted, NONE)));
        }
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        int bestCount = 0;
        for (var candidate : candidates) {
            int distance = distance(word, candidate, allowed);
            int count = current.counts().get(candidate);
            if (distance <= allowed
                    && (distance < bestDistance
                            || distance == bestDistance
                                    && (count > bestCount || count == bestCount && candidate.compareTo(best) < 0))) {
                best = candidate;
                bestDistance = distance;
                bestCount = count;
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * The optimal string alignment distance (Levenshtein with swaps of neighbours), or {@code limit + 1} as soon as
     * it must exceed the limit.
     */
    static int distance(String a, String b, int limit) {
        int n = a.length();
        int m = b.length();
        var before = new int[m + 1];
        var previous = new int[m + 1];
        var row = new int[m + 1];
        for (int j = 0; j <= m; j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= n; i++) {
            row[0] = i;
            int smallest = row[0];
            for (int j = 1; j <= m; j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int value = Math.min(Math.min(row[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    value = Math.min(value, before[j - 2] + 1);
                }
                row[j] = value;
                smallest = Math.min(smallest, value);
            }
            if (smallest > limit) {
                return limit + 1;
            }
            var recycled = before;
            before = previous;
            previous = row;
            row = recycled;
        }
        return previous[m];
    }

    private Words current() {
        var systems = terminology.codeSystems();
        var signature = systems.stream()
                .map(s -> s.slug() + ":"
                        + s.versions().stream()
                                .filter(VersionSummary::latest)
                                .map(v -> v.version() + "@" + v.importedAt())
                                .findFirst()
                                .orElse(""))
                .collect(Collectors.joining(","));
        var known = words;
        if (known.signature().equals(signature)) {
            return known;
        }
        synchronized (this) {
            if (!words.signature().equals(signature)) {
                var counts = new HashMap<String, Integer>();
                for (var system : systems) {
                    for (var concept : terminology.export(system.slug(), null)) {
                        Segment.words(concept.display()).forEach(w -> counts.merge(w, 1, Integer::sum));
                        concept.designations()
                                .forEach(d -> Segment.words(d.value()).forEach(w -> counts.merge(w, 1, Integer::sum)));
                    }
                }
                var sorted = counts.keySet().toArray(String[]::new);
                Arrays.sort(sorted);
                var deletions = new HashMap<String, List<String>>();
                for (var word : sorted) {
                    if (word.length() >= MIN_LENGTH) {
                        for (int i = 0; i < word.length(); i++) {
                            var list = deletions.computeIfAbsent(
                                    word.substring(0, i) + word.substring(i + 1), d -> new ArrayList<>(1));
                            if (list.isEmpty() || !list.get(list.size() - 1).equals(word)) {
                                list.add(word);
                            }
                        }
                    }
                }
                var index = new HashMap<String, String[]>(deletions.size() * 2);
                deletions.forEach((deleted, list) -> index.put(deleted, list.toArray(NONE)));
                int mostFrequent = counts.values().stream()
                        .mapToInt(Integer::intValue)
                        .max()
                        .orElse(0);
                words = new Words(signature, sorted, Map.copyOf(counts), index, mostFrequent);
            }
            return words;
        }
    }

    private record Words(
            String signature,
            String[] sorted,
            Map<String, Integer> counts,
            Map<String, String[]> deletions,
            int mostFrequent) {}
}
