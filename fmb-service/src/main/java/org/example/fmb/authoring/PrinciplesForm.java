package org.example.fmb.authoring;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;

/**
 * The editor page's form for a draft of the general principles, bound by Spring MVC: the text as sections, each a
 * heading and its text in FMB markup. The stored text is the sections one after the other, each heading an
 * {@code <h3>}; text before the first heading is a section without one. A section left or made empty is removed, and
 * the last row is an empty one for a new section.
 */
record PrinciplesForm(
        @NotNull Long lockVersion,
        @NotBlank(message = "krävs") @Size(max = 500) String title,
        @Valid List<Section> sections,
        @Size(max = 2000) String comment) {

    PrinciplesForm {
        sections = sections == null
                ? List.of()
                : sections.stream().filter(Objects::nonNull).toList();
    }

    /** A section of the general principles: a heading (plain text) and its text. */
    record Section(
            @Size(max = 300) String heading,
            @Size(max = 200_000) String text) {

        boolean isEmpty() {
            return (heading == null || heading.isBlank()) && (text == null || text.isBlank());
        }
    }

    /** This form as typed, to be saved over the version now stored (lock version {@code lock}). */
    PrinciplesForm withLockVersion(long lock) {
        return new PrinciplesForm(lock, title, sections, comment);
    }

    static PrinciplesForm of(PrinciplesVersionDetails v) {
        var sections = new ArrayList<>(sectionsOf(v.markup()));
        sections.add(new Section(null, null));
        return new PrinciplesForm(v.lockVersion(), v.title(), sections, null);
    }

    /** Markup outside what FMB allows, named by the section it is in. */
    List<FieldMessage> markupProblems() {
        var problems = new ArrayList<FieldMessage>();
        for (int i = 0; i < sections.size(); i++) {
            problems.addAll(MarkupPolicy.problems(
                    "sections[" + i + "].text", sections.get(i).text()));
        }
        return problems;
    }

    PrinciplesText text() {
        var markup = new StringBuilder();
        for (var section : sections) {
            if (section.isEmpty()) {
                continue;
            }
            if (section.heading() != null && !section.heading().isBlank()) {
                markup.append("<h3>")
                        .append(Entities.escape(section.heading().trim()))
                        .append("</h3>");
            }
            if (section.text() != null) {
                markup.append(section.text().trim());
            }
        }
        return new PrinciplesText(title.trim(), markup.toString());
    }

    /** The stored markup cut at its top-level {@code <h3>} headings. */
    static List<Section> sectionsOf(String markup) {
        var body = Jsoup.parseBodyFragment(markup == null ? "" : markup);
        body.outputSettings().prettyPrint(false);
        var sections = new ArrayList<Section>();
        String heading = null;
        var text = new StringBuilder();
        for (var node : body.body().childNodes()) {
            if (node instanceof Element element && element.normalName().equals("h3")) {
                if (heading != null || !text.toString().isBlank()) {
                    sections.add(new Section(heading, text.toString().trim()));
                }
                heading = element.text();
                text.setLength(0);
            } else {
                text.append(node.outerHtml());
            }
        }
        if (heading != null || !text.toString().isBlank()) {
            sections.add(new Section(heading, text.toString().trim()));
        }
        return sections;
    }
}
