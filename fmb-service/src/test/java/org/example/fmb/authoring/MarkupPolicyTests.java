package org.example.fmb.authoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MarkupPolicyTests {

    /** Classic stored-XSS vectors: unclosed tags, event attributes, script URLs, SVG/MathML, entity-encoded forms. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "<p>Text</p><img src=x onerror=alert(1)",
                "<p>Text</p><img src=x onerror=alert(1)>",
                "<script>alert(1)</script>",
                "<p>ok</p><script src=//evil.example/x.js></script>",
                "<p onclick=alert(1)>klicka</p>",
                "<p ONMOUSEOVER=\"alert(1)\">hovra</p>",
                "<a href=\"javascript:alert(1)\">länk</a>",
                "<a href=\" JaVaScRiPt:alert(1)\">länk</a>",
                "<a href=\"&#106;avascript:alert(1)\">länk</a>",
                "<a href=\"&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;:alert(1)\">länk</a>",
                "<a href=\"java&#x09;script:alert(1)\">länk</a>",
                "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">länk</a>",
                "<a href=\"https://example.org\" onclick=\"alert(1)\">länk</a>",
                "<svg onload=alert(1)>",
                "<svg><script>alert(1)</script></svg>",
                "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
                "<iframe src=\"javascript:alert(1)\"></iframe>",
                "<body onload=alert(1)>",
                "<p style=\"background:url(javascript:alert(1))\">x</p>",
                "<scr<script>ipt>alert(1)</script>",
                "<p>x</p><a href=\"https://ok.example\"",
                "<details open ontoggle=alert(1)>",
                "<p>x</p><img src=x onerror=alert(1) ",
            })
    void refusesAndNeutralisesScriptVectors(String vector) {
        assertThat(MarkupPolicy.problems("section", vector)).isNotEmpty();
        var cleaned = MarkupPolicy.sanitize(vector).toLowerCase(Locale.ROOT);
        assertThat(cleaned)
                .doesNotContain(
                        "<script",
                        "<img",
                        "<svg",
                        "<math",
                        "<iframe",
                        "<body",
                        "<details",
                        "style=",
                        "javascript:",
                        "data:",
                        " on");
        assertThat(cleaned).doesNotContainPattern("<[^>]*\\son[a-z]+\\s*=");
    }

    @Test
    void keepsTheMarkupFmbUsesAsWritten() {
        var html = "<p>Första stycket.</p>\n<ul><li><strong>Viktigt</strong> och <em>betonat</em></li></ul>"
                + "<h3>Rubrik</h3><p>CO<sub>2</sub>, m<sup>2</sup>, <a href=\"https://roi.socialstyrelsen.se/fmb/x/1\">källa</a>"
                + "<br>rad två</p>";

        assertThat(MarkupPolicy.problems("section", html)).isEmpty();
        assertThat(MarkupPolicy.sanitize(html)).isEqualTo(html);
    }

    @Test
    void keepsEntityEncodedMarkupAsHarmlessText() {
        var html = "<p>&lt;img src=x onerror=alert(1)&gt; och AHI &lt;15</p>";

        assertThat(MarkupPolicy.problems("section", html)).isEmpty();
        assertThat(MarkupPolicy.sanitize(html)).isEqualTo(html);
        assertThat(MarkupPolicy.plainText(html)).isEqualTo("<img src=x onerror=alert(1)> och AHI <15");
    }

    @Test
    void namesWhatIsWrongWithRefusedMarkup() {
        assertThat(MarkupPolicy.problems("insuranceMedicalInformation", "<p>a</p><img src=x onerror=alert(1)"))
                .extracting(FieldMessage::message)
                .containsExactly(
                        "is not well-formed HTML (a tag without its closing '>', or a bare '<': write &lt; for a less-than sign)");
        assertThat(MarkupPolicy.problems("f", "<p onclick=alert(1)>x</p>"))
                .extracting(FieldMessage::message)
                .containsExactly("<p> may not carry the attribute onclick");
        assertThat(MarkupPolicy.problems("f", "<a href=\"javascript:alert(1)\">x</a>"))
                .extracting(FieldMessage::message)
                .containsExactly("a link must start with http:// or https://");
        assertThat(MarkupPolicy.problems("f", "<svg onload=alert(1)>"))
                .extracting(FieldMessage::message)
                .anyMatch(message -> message.startsWith("<svg> is not allowed"));
    }
}
