package org.example.deathcertificate.rivta;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.springframework.core.io.ClassPathResource;

/** SOAP requests built from Inera's DOI example message, and what the answers say. */
public final class RivtaMessages {

    static final String LOGICAL_ADDRESS = "2021000555";
    static final String WRONG_CHECK_DIGIT = "192703104321";
    static final String VALID_PERSONNUMMER = "192703104329";
    static final String REGISTER_PATH =
            "/services/clinicalprocess/healthcond/certificate/RegisterCertificate/3/rivtabp21";
    static final String REVOKE_PATH = "/services/clinicalprocess/healthcond/certificate/RevokeCertificate/2/rivtabp21";

    private static final String EXAMPLE = read("examples/doi-registercertificate.xml");

    private RivtaMessages() {}

    /** The example's RegisterCertificate element, as published. */
    public static String exampleElement() {
        return EXAMPLE.substring(EXAMPLE.indexOf("<ns2:RegisterCertificate")).strip();
    }

    /** The example with another certificate id and a personnummer with a correct check digit. */
    public static String validElement(String certificateId) {
        return exampleElement()
                .replace(
                        "<ns3:extension>1234567</ns3:extension>",
                        "<ns3:extension>" + certificateId + "</ns3:extension>")
                .replace(WRONG_CHECK_DIGIT, VALID_PERSONNUMMER);
    }

    public static String envelope(String body) {
        return envelope(LOGICAL_ADDRESS, body);
    }

    static String envelope(String logicalAddress, String body) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\">\n"
                + "  <soapenv:Header><LogicalAddress xmlns=\"urn:riv:itintegration:registry:1\">" + logicalAddress
                + "</LogicalAddress></soapenv:Header>\n"
                + "  <soapenv:Body>\n" + body + "\n  </soapenv:Body>\n</soapenv:Envelope>\n";
    }

    public static String revoke(String certificateId, String personnummer) {
        return """
                <ns2:RevokeCertificate xmlns:ns2="urn:riv:clinicalprocess:healthcond:certificate:RevokeCertificateResponder:2"
                    xmlns="urn:riv:clinicalprocess:healthcond:certificate:3"
                    xmlns:ns3="urn:riv:clinicalprocess:healthcond:certificate:types:3">
                  <ns2:meddelande>Fel patient</ns2:meddelande>
                  <ns2:skickatTidpunkt>2017-04-03T10:00:00</ns2:skickatTidpunkt>
                  <ns2:intygs-id><ns3:root>SE2321000016-H489</ns3:root><ns3:extension>%s</ns3:extension></ns2:intygs-id>
                  <ns2:patientPerson-id><ns3:root>1.2.752.129.2.1.3.1</ns3:root><ns3:extension>%s</ns3:extension></ns2:patientPerson-id>
                  <ns2:skickatAv>
                    <personal-id><ns3:root>1.2.752.129.2.1.4.1</ns3:root><ns3:extension>SE2321000016-6G5R</ns3:extension></personal-id>
                    <fullstandigtNamn>Karl Karlsson</fullstandigtNamn>
                    <enhet>
                      <enhets-id><ns3:root>1.2.752.129.2.1.4.1</ns3:root><ns3:extension>SE2321000016-H489</ns3:extension></enhets-id>
                      <arbetsplatskod><ns3:root>1.2.752.29.4.71</ns3:root><ns3:extension>45312</ns3:extension></arbetsplatskod>
                      <enhetsnamn>Vårdenheten</enhetsnamn><postadress>Enhetsg. 1</postadress><postnummer>100 10</postnummer>
                      <postort>Stadby</postort><telefonnummer>0812341234</telefonnummer>
                      <vardgivare>
                        <vardgivare-id><ns3:root>1.2.752.129.2.1.4.1</ns3:root><ns3:extension>SE2321000016-39KJ</ns3:extension></vardgivare-id>
                        <vardgivarnamn>Vårdgivaren</vardgivarnamn>
                      </vardgivare>
                    </enhet>
                  </ns2:skickatAv>
                </ns2:RevokeCertificate>
                """.formatted(certificateId, personnummer);
    }

    static HttpResponse<String> post(
            HttpClient client, String baseUrl, String path, String authorization, String soap) {
        var request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "text/xml; charset=UTF-8")
                .header("SOAPAction", "\"\"")
                .POST(HttpRequest.BodyPublishers.ofString(soap, StandardCharsets.UTF_8));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String resultCode(String answer) {
        return element(answer, "resultCode");
    }

    static String errorId(String answer) {
        return element(answer, "errorId");
    }

    static String resultText(String answer) {
        return element(answer, "resultText");
    }

    private static String element(String xml, String name) {
        var matcher = Pattern.compile("<(?:\\w+:)?" + name + ">(.*?)</(?:\\w+:)?" + name + ">", Pattern.DOTALL)
                .matcher(xml);
        return matcher.find() ? matcher.group(1) : null;
    }

    private static String read(String resource) {
        try (var in = new ClassPathResource(resource).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
