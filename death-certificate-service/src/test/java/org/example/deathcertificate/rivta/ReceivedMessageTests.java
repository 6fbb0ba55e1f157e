package org.example.deathcertificate.rivta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ReceivedMessageTests {

    static final String NS = "urn:riv:clinicalprocess:healthcond:certificate:RegisterCertificateResponder:3";

    @Test
    void takesTheElementOutOfTheEnvelopeByteForByte() {
        var element = "<x:RegisterCertificate xmlns:x=\"" + NS
                + "\">\n  <x:intyg>Ödsligt  &amp; <![CDATA[</x:RegisterCertificate>]]></x:intyg>\n</x:RegisterCertificate>";
        var message =
                ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\">"
                                + "<s:Body>åäö " + element + "  </s:Body></s:Envelope>")
                        .getBytes(StandardCharsets.UTF_8);

        assertThat(ReceivedMessage.element(message, NS, "RegisterCertificate"))
                .isEqualTo(element.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsTheDeclaredEncoding() {
        var element = "<RegisterCertificate xmlns=\"" + NS + "\">Åre</RegisterCertificate>";
        var message = ("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><Envelope>" + element + "</Envelope>")
                .getBytes(StandardCharsets.ISO_8859_1);

        assertThat(ReceivedMessage.element(message, NS, "RegisterCertificate"))
                .isEqualTo(element.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void saysSoWhenTheElementIsMissing() {
        var message = "<Envelope/>".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> ReceivedMessage.element(message, NS, "RegisterCertificate"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void findsADtdInAnyLetterCaseAnywhere() {
        assertThat(ReceivedMessage.declaresDtd("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY a \"b\">]><x/>"))
                .isTrue();
        assertThat(ReceivedMessage.declaresDtd("<x><!-- <!doctype --></x>")).isTrue();
        assertThat(ReceivedMessage.declaresDtd("<x><![CDATA[<!EnTiTy]]></x>")).isTrue();
        assertThat(ReceivedMessage.declaresDtd("<x><!-- a comment --><![CDATA[<!DOCTYP]]>DOCTYPE ENTITY</x>"))
                .isFalse();
        assertThat(ReceivedMessage.declaresDtd("<x>text ending in <!</x><!")).isFalse();
    }
}
