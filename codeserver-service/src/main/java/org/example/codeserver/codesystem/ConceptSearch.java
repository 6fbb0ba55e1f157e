package org.example.codeserver.codesystem;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.lang.Nullable;

/**
 * Prebuilt Swedish text index over the displays and designations of one version.
 *
 * <p>Rules: case-insensitive; å, ä and ö are letters of their own (other accents are folded, é = e); text is split
 * into words at anything that is not a letter or digit, so words after {@code (} or {@code -} count; every query word
 * must match the start of some word of the concept, in any order; a query word of four letters or more also matches
 * the tail of a compound ({@code infektion} finds "Virusinfektion"); a query word also matches codes by prefix, with
 * or without the dot ({@code F32.1} = {@code F321}). Ranking: exact code, code prefix (shortest code first), all words
 * found at word starts in the display, then in an alternative term, then inside compounds; ties by shortest display.
 * The result carries the true number of matches.
 */
final class ConceptSearch {

    static final int MIN_TAIL = 4;

    private final List<IndexedConcept> concepts;
    private final Keys words;
    private final Keys tails;
    private final String[] codeKeys;
    private final int[] codeOrdinals;
    private final String[] normalizedCodes;
    private final String[][] displayWords;
    private final String[][] termWords;
    private final int[] displayLength;

    ConceptSearch(List<IndexedConcept> concepts) {
        this.concepts = concepts;
        int n = concepts.size();
        var pool = new HashMap<String, String>();
        var wordPostings = new HashMap<String, IntList>();
        var tailPostings = new HashMap<String, IntList>();
        displayWords = new String[n][];
        termWords = new String[n][];
        displayLength = new int[n];
        var codes = new String[n];
        normalizedCodes = new String[n];
        for (int i = 0; i < n; i++) {
            var concept = concepts.get(i);
            normalizedCodes[i] = normalizeCode(concept.code());
            codes[i] = normalizedCodes[i] + '\u0000' + i;
            var display = concept.display() == null ? "" : concept.display();
            displayLength[i] = display.length();
            displayWords[i] = intern(words(display), pool);
            var all = new ArrayList<>(Arrays.asList(displayWords[i]));
            for (var designation : concept.designations()) {
                for (var word : words(designation.value())) {
                    all.add(pool.computeIfAbsent(word, w -> w));
                }
            }
            termWords[i] = all.stream().distinct().toArray(String[]::new);
            for (var word : termWords[i]) {
                wordPostings.computeIfAbsent(word, w -> new IntList()).addOnce(i);
            }
        }
        // Tails once per distinct word: a tail's concepts are those of every word that ends with it.
        for (var entry : wordPostings.entrySet()) {
            var word = entry.getKey();
            for (int start = 1; word.length() - start >= MIN_TAIL; start++) {
                tailPostings
                        .computeIfAbsent(word.substring(start), w -> new IntList())
                        .addAll(entry.getValue());
            }
        }
        words = new Keys(wordPostings);
        tails = new Keys(tailPostings);
        Arrays.sort(codes);
        codeKeys = new String[n];
        codeOrdinals = new int[n];
        for (int i = 0; i < n; i++) {
            int cut = codes[i].indexOf('\u0000');
            codeKeys[i] = codes[i].substring(0, cut);
            codeOrdinals[i] = Integer.parseInt(codes[i].substring(cut + 1));
        }
    }

    /** The matches of a query, best first; an empty query matches every concept in published order. */
    Result search(@Nullable String text) {
        var query = Query.parse(text);
        int n = concepts.size();
        if (query.isEmpty()) {
            var all = new int[n];
            for (int i = 0; i < n; i++) {
                all[i] = i;
            }
            return new Result(all);
        }
        long[] matched = null;
        for (var token : query.tokens()) {
            var bits = new long[(n + 63) >>> 6];
            codePrefix(token.code(), bits);
            long[] textBits = null;
            for (var word : token.words()) {
                var wordBits = new long[bits.length];
                words.prefix(word, wordBits);
                if (word.length() >= MIN_TAIL) {
                    tails.prefix(word, wordBits);
                }
                textBits = textBits == null ? wordBits : and(textBits, wordBits);
            }
            if (textBits != null) {
                for (int i = 0; i < bits.length; i++) {
                    bits[i] |= textBits[i];
                }
            }
            matched = matched == null ? bits : and(matched, bits);
        }
        int count = 0;
        for (long word : matched) {
            count += Long.bitCount(word);
        }
        var keys = new long[count];
        int k = 0;
        for (int w = 0; w < matched.length; w++) {
            long bitsLeft = matched[w];
            while (bitsLeft != 0) {
                int i = (w << 6) + Long.numberOfTrailingZeros(bitsLeft);
                bitsLeft &= bitsLeft - 1;
                keys[k++] = rank(i, query);
            }
        }
        Arrays.sort(keys);
        var ordinals = new int[count];
        for (int i = 0; i < count; i++) {
            ordinals[i] = (int) (keys[i] & 0xFFFFFFFFL);
        }
        return new Result(ordinals);
    }

    /** The designation that made the concept match, when the display alone did not. */
    @Nullable
    String matchedTerm(IndexedConcept concept, String text) {
        var query = Query.parse(text);
        int i = concept.ordinal();
        if (query.isEmpty() || allWordsStart(query, displayWords[i]) || codeMatches(query, i)) {
            return null;
        }
        for (var designation : concept.designations()) {
            if (allWordsStart(query, words(designation.value()))) {
                return designation.value();
            }
        }
        return null;
    }

    private long rank(int i, Query query) {
        long tier;
        long length = Math.min(displayLength[i], 0xFFFFF);
        var code = normalizedCodes[i];
        if (query.singleCode() != null && code.equals(query.singleCode())) {
            tier = 0;
        } else if (query.singleCode() != null && code.startsWith(query.singleCode())) {
            tier = 1;
            length = code.length();
        } else if (allWordsStart(query, displayWords[i])) {
            tier = 2;
        } else if (allWordsStart(query, termWords[i])) {
            tier = 3;
        } else {
            tier = 4;
        }
        return (tier << 56) | (length << 32) | i;
    }

    private boolean codeMatches(Query query, int i) {
        return query.singleCode() != null && normalizedCodes[i].startsWith(query.singleCode());
    }

    private static boolean allWordsStart(Query query, String[] words) {
        for (var token : query.tokens()) {
            for (var word : token.words()) {
                if (!anyStartsWith(words, word)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean anyStartsWith(String[] words, String prefix) {
        for (var word : words) {
            if (word.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private void codePrefix(String code, long[] bits) {
        if (code.isEmpty()) {
            return;
        }
        int from = lowerBound(codeKeys, code);
        for (int i = from; i < codeKeys.length && codeKeys[i].startsWith(code); i++) {
            int ordinal = codeOrdinals[i];
            bits[ordinal >>> 6] |= 1L << ordinal;
        }
    }

    private static long[] and(long[] a, long[] b) {
        for (int i = 0; i < a.length; i++) {
            a[i] &= b[i];
        }
        return a;
    }

    static int lowerBound(String[] sorted, String key) {
        int low = 0;
        int high = sorted.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (sorted[mid].compareTo(key) < 0) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    /** Lower case, NFC, accents other than å, ä, ö folded (é = e, ü = u). */
    static String normalize(String text) {
        var lower = Normalizer.normalize(text, Normalizer.Form.NFC).toLowerCase(java.util.Locale.ROOT);
        var out = new StringBuilder(lower.length());
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            out.append(
                    switch (c) {
                        case 'á', 'à', 'â', 'ã' -> 'a';
                        case 'é', 'è', 'ê', 'ë' -> 'e';
                        case 'í', 'ì', 'î', 'ï' -> 'i';
                        case 'ó', 'ò', 'ô', 'õ' -> 'o';
                        case 'ú', 'ù', 'û', 'ü' -> 'u';
                        case 'ç' -> 'c';
                        case 'ñ' -> 'n';
                        case 'æ' -> 'ä';
                        case 'ø' -> 'ö';
                        default -> c;
                    });
        }
        return out.toString();
    }

    /** A code for prefix matching: lower case, without dots and spaces. */
    static String normalizeCode(String code) {
        return normalize(code).replace(".", "").replace(" ", "");
    }

    /** The words of a text: normalized, split at anything that is not a letter or a digit. */
    static String[] words(String text) {
        var normalized = normalize(text);
        var result = new ArrayList<String>();
        int start = -1;
        for (int i = 0; i <= normalized.length(); i++) {
            boolean letter = i < normalized.length() && Character.isLetterOrDigit(normalized.charAt(i));
            if (letter && start < 0) {
                start = i;
            } else if (!letter && start >= 0) {
                result.add(normalized.substring(start, i));
                start = -1;
            }
        }
        return result.toArray(String[]::new);
    }

    private static String[] intern(String[] words, Map<String, String> pool) {
        for (int i = 0; i < words.length; i++) {
            words[i] = pool.computeIfAbsent(words[i], w -> w);
        }
        return words;
    }

    /** Ordinals of the matching concepts, best first. */
    record Result(int[] ordinals) {

        int total() {
            return ordinals.length;
        }
    }

    /** A parsed query: whitespace-separated tokens, each matching as a code prefix or as words. */
    private record Query(List<Token> tokens, @Nullable String singleCode) {

        static Query parse(@Nullable String text) {
            var tokens = new ArrayList<Token>();
            if (text != null) {
                for (var raw : text.strip().split("\\s+")) {
                    if (!raw.isEmpty()) {
                        var token = new Token(normalizeCode(raw), words(raw));
                        if (!token.code().isEmpty() || token.words().length > 0) {
                            tokens.add(token);
                        }
                    }
                }
            }
            return new Query(tokens, tokens.size() == 1 ? tokens.get(0).code() : null);
        }

        boolean isEmpty() {
            return tokens.isEmpty();
        }
    }

    private record Token(String code, String[] words) {}

    /** Sorted keys with the ordinals of the concepts that hold them. */
    private static final class Keys {

        private final String[] keys;
        private final int[][] postings;

        Keys(Map<String, IntList> map) {
            keys = map.keySet().toArray(String[]::new);
            Arrays.sort(keys);
            postings = new int[keys.length][];
            for (int i = 0; i < keys.length; i++) {
                postings[i] = map.get(keys[i]).toArray();
            }
        }

        void prefix(String prefix, long[] bits) {
            for (int i = lowerBound(keys, prefix); i < keys.length && keys[i].startsWith(prefix); i++) {
                for (int ordinal : postings[i]) {
                    bits[ordinal >>> 6] |= 1L << ordinal;
                }
            }
        }
    }

    /** A growable int array; {@link #addOnce} ignores a value equal to the last one added. */
    private static final class IntList {

        private int[] values = new int[2];
        private int size;

        void addOnce(int value) {
            if (size > 0 && values[size - 1] == value) {
                return;
            }
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        void addAll(IntList other) {
            if (size + other.size > values.length) {
                values = Arrays.copyOf(values, Math.max(values.length * 2, size + other.size));
            }
            System.arraycopy(other.values, 0, values, size, other.size);
            size += other.size;
        }

        /** The values sorted and without duplicates. */
        int[] toArray() {
            var result = Arrays.copyOf(values, size);
            Arrays.sort(result);
            int distinct = 0;
            for (int i = 0; i < result.length; i++) {
                if (i == 0 || result[i] != result[i - 1]) {
                    result[distinct++] = result[i];
                }
            }
            return distinct == result.length ? result : Arrays.copyOf(result, distinct);
        }
    }
}
