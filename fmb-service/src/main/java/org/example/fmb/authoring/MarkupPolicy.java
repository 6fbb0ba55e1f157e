package org.example.fmb.authoring;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * The HTML that FMB's text sections may hold, enforced with a real HTML parser (jsoup) and an allow-list:
 * {@code p br ul ol li strong em b i h3 h4 sub sup} and {@code a} with an http(s) {@code href}, nothing else
 * (no other attributes, no event handlers, no {@code javascript:} or {@code data:} links, no SVG or MathML).
 * Markup is cleaned when it is stored and again when it is rendered; an editor's draft that the cleaner
 * would change is refused with what is wrong (see {@link #problems}).
 */
public final class MarkupPolicy {

    static final Set<String> ALLOWED_TAGS =
            Set.of("p", "br", "ul", "ol", "li", "strong", "em", "b", "i", "a", "h3", "h4", "sub", "sup");
    private static final Safelist SAFELIST = new Safelist()
            .addTags(ALLOWED_TAGS.toArray(String[]::new))
            .addAttributes("a", "href")
            .addProtocols("a", "href", "http", "https");
    private static final Document.OutputSettings OUTPUT = new Document.OutputSettings()
            .prettyPrint(false)
            .charset("UTF-8")
            .escapeMode(org.jsoup.nodes.Entities.EscapeMode.base);
    private static final Pattern TAG = Pattern.compile("<[^>]*>");

    private MarkupPolicy() {}

    /** The markup with everything outside the allow-list removed; null stays null. */
    public static String sanitize(String html) {
        if (html == null) {
            return null;
        }
        return Jsoup.clean(html, "", SAFELIST, OUTPUT);
    }

    /** The text of (sanitized) markup without its tags, entities decoded, line breaks kept. */
    public static String plainText(String html) {
        if (html == null) {
            return null;
        }
        return Parser.unescapeEntities(TAG.matcher(sanitize(html)).replaceAll(""), false);
    }

    /** Whether markup has text once its tags are removed. */
    static boolean hasText(String html) {
        return html != null && !Jsoup.parseBodyFragment(html).text().isBlank();
    }

    /**
     * What the cleaner would change in an editor's markup, as messages for {@code field}: tags and attributes
     * outside the allow-list, links that are not http(s), and markup that does not parse cleanly (a tag without
     * its closing {@code >}, a bare {@code <}). Empty when the markup is stored as written.
     */
    static List<FieldMessage> problems(String field, String html) {
        if (html == null || html.isEmpty() || new Cleaner(SAFELIST).isValidBodyHtml(html)) {
            return List.of();
        }
        var found = new LinkedHashSet<String>();
        for (Element element : Jsoup.parseBodyFragment(html).body().getAllElements()) {
            if (element.tagName().equals("body")) {
                continue;
            }
            var tag = element.normalName();
            if (!ALLOWED_TAGS.contains(tag)) {
                found.add("<" + tag + "> is not allowed; use "
                        + String.join(", ", ALLOWED_TAGS.stream().sorted().toList()));
                continue;
            }
            for (var attribute : element.attributes()) {
                var name = attribute.getKey().toLowerCase(Locale.ROOT);
                if (!tag.equals("a") || !name.equals("href")) {
                    found.add("<" + tag + "> may not carry the attribute " + name
                            + (tag.equals("a") ? "; a link has only an http(s) href" : ""));
                } else if (!SAFELIST.isSafeAttribute("a", element, attribute)) {
                    found.add("a link must start with http:// or https://");
                }
            }
        }
        if (found.isEmpty()) {
            found.add(
                    "is not well-formed HTML (a tag without its closing '>', or a bare '<': write &lt; for a less-than sign)");
        }
        var messages = new ArrayList<FieldMessage>();
        found.forEach(message -> messages.add(new FieldMessage(field, message)));
        return messages;
    }
}
