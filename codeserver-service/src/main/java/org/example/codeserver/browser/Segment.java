package org.example.codeserver.browser;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.lang.Nullable;

/**
 * A piece of a display text, marked when a query word matched it (the start of a word, or the tail of a compound for
 * query words of four letters or more, the search's own rules).
 */
public record Segment(String text, boolean marked) {

    static final int MIN_TAIL = 4;

    /** The text cut into marked and unmarked pieces for the words of the query. */
    static List<Segment> mark(@Nullable String text, List<String> queryWords) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        var lower = text.toLowerCase(Locale.ROOT);
        var marked = new boolean[text.length()];
        int start = -1;
        for (int i = 0; i <= lower.length(); i++) {
            boolean letter = i < lower.length() && Character.isLetterOrDigit(lower.charAt(i));
            if (letter && start < 0) {
                start = i;
            } else if (!letter && start >= 0) {
                markWord(lower.substring(start, i), start, queryWords, marked);
                start = -1;
            }
        }
        var segments = new ArrayList<Segment>();
        int from = 0;
        for (int i = 1; i <= text.length(); i++) {
            if (i == text.length() || marked[i] != marked[from]) {
                segments.add(new Segment(text.substring(from, i), marked[from]));
                from = i;
            }
        }
        return segments;
    }

    private static void markWord(String word, int offset, List<String> queryWords, boolean[] marked) {
        for (var query : queryWords) {
            int at = word.startsWith(query) ? 0 : query.length() >= MIN_TAIL ? word.indexOf(query, 1) : -1;
            if (at >= 0) {
                for (int i = 0; i < query.length(); i++) {
                    marked[offset + at + i] = true;
                }
            }
        }
    }

    /** The words of a query as the marking compares them: lower case, split at anything not a letter or digit. */
    static List<String> words(@Nullable String query) {
        if (query == null) {
            return List.of();
        }
        var words = new ArrayList<String>();
        for (var word : query.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        return words;
    }
}
