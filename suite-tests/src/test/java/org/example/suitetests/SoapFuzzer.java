package org.example.suitetests;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;

/**
 * Requests for the RIVTA SOAP endpoints (RegisterCertificate v3 and RevokeCertificate v2), generated from a real
 * message of each (Inera's DOI example, and a RevokeCertificate of the same certificate): every leaf element given
 * hostile text, removed or repeated, unknown elements added, and the message as a whole broken (not XML, truncated,
 * DTDs and entities, SOAP 1.2, wrong content types, over the size limit, wrong encodings).
 */
final class SoapFuzzer {

    static final String REGISTER_PATH =
            "/services/clinicalprocess/healthcond/certificate/RegisterCertificate/3/rivtabp21";
    static final String REVOKE_PATH = "/services/clinicalprocess/healthcond/certificate/RevokeCertificate/2/rivtabp21";
    private static final String SOAP_TYPE = "text/xml; charset=UTF-8";

    private final String registerElement;

    SoapFuzzer() {
        var example = read("rivta/doi-registercertificate.xml");
        registerElement = example.substring(example.indexOf("<ns2:RegisterCertificate"))
                .strip()
                .replace("192703104321", "191212121212");
    }

    List<FuzzRequest> requests(long seed, int limitPerEndpoint) {
        var requests = new ArrayList<FuzzRequest>();
        requests.addAll(requests(
                "RegisterCertificate", REGISTER_PATH, envelope("2021000555", registerElement), seed, limitPerEndpoint));
        requests.addAll(requests(
                "RevokeCertificate", REVOKE_PATH, envelope("2021000555", revokeElement()), seed, limitPerEndpoint));
        return requests;
    }

    private List<FuzzRequest> requests(String operation, String path, String message, long seed, int limit) {
        var random = new Random(seed ^ operation.hashCode());
        var broken = new ArrayList<FuzzRequest>();
        var document = parse(message);
        var leaves = leaves(document);
        for (int i = 0; i < leaves.size(); i++) {
            var name = leaves.get(i).getTagName();
            for (var text : OpenApiFuzzer.sample(FuzzValues.STRINGS, 5, random)) {
                var copy = parse(message);
                leaves(copy).get(i).setTextContent(text);
                broken.add(soap(operation, path, name + " = " + OpenApiFuzzer.shortly(text), write(copy)));
            }
            var removed = parse(message);
            var leaf = leaves(removed).get(i);
            leaf.getParentNode().removeChild(leaf);
            broken.add(soap(operation, path, name + " removed", write(removed)));
            var repeated = parse(message);
            var twice = leaves(repeated).get(i);
            twice.getParentNode().insertBefore(twice.cloneNode(true), twice);
            broken.add(soap(operation, path, name + " repeated", write(repeated)));
            var extra = parse(message);
            var sibling = leaves(extra).get(i);
            sibling.getParentNode()
                    .appendChild(extra.createElementNS("urn:fuzz", "fuzz:unexpected"))
                    .setTextContent("19121212-1212");
            broken.add(soap(operation, path, "unknown element beside " + name, write(extra)));
        }
        var body = message.substring(message.indexOf("<soapenv:Body>"));
        var whole = List.of(
                soap(operation, path, "empty", ""),
                soap(operation, path, "not XML", "19121212-1212 is not XML"),
                soap(operation, path, "JSON", "{\"personnummer\":\"19121212-1212\"}"),
                soap(operation, path, "truncated", message.substring(0, message.length() / 2)),
                soap(operation, path, "no envelope", body),
                soap(operation, path, "no header", message.replaceAll("(?s)<soapenv:Header>.*</soapenv:Header>", "")),
                soap(
                        operation,
                        path,
                        "logical address hostile",
                        message.replace(">2021000555<", ">' or 1=1 -- 19121212-1212<")),
                soap(
                        operation,
                        path,
                        "SOAP 1.2 envelope",
                        message.replace(
                                "http://schemas.xmlsoap.org/soap/envelope/",
                                "http://www.w3.org/2003/05/soap-envelope")),
                soap(
                        operation,
                        path,
                        "unknown operation",
                        message.replace(":RegisterCertificate", ":DropCertificate")
                                .replace(":RevokeCertificate", ":DropCertificate")),
                soap(
                        operation,
                        path,
                        "external entity",
                        "<?xml version=\"1.0\"?><!DOCTYPE e [<!ENTITY x SYSTEM " + "\"file:///etc/passwd\">]>"
                                + message.substring(message.indexOf("?>") + 2).replace(">2021000555<", ">&x;<")),
                soap(
                        operation,
                        path,
                        "entity expansion",
                        "<?xml version=\"1.0\"?><!DOCTYPE e [<!ENTITY a \"aaaaaaaaaa\">"
                                + "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]>"
                                + message.substring(message.indexOf("?>") + 2).replace(">2021000555<", ">&c;<")),
                soap(
                        operation,
                        path,
                        "2 MB of text",
                        message.replace(">2021000555<", ">" + "x".repeat(2_000_000) + "<")),
                soap(
                        operation,
                        path,
                        "deep nesting",
                        message.replace(
                                "<soapenv:Body>", "<soapenv:Body>" + "<a>".repeat(5_000) + "</a>".repeat(5_000))),
                soap(operation, path, "control character", message.replace(">2021000555<", ">2021\u0001000555<")),
                soap(operation, path, "character reference to NUL", message.replace(">2021000555<", ">&#0;<")),
                new FuzzRequest(
                        operation,
                        "declared UTF-16, sent UTF-8",
                        "POST",
                        path,
                        "text/xml; charset=UTF-16",
                        message.replace("encoding=\"UTF-8\"", "encoding=\"UTF-16\"")
                                .getBytes(StandardCharsets.UTF_8)),
                new FuzzRequest(
                        operation,
                        "invalid UTF-8",
                        "POST",
                        path,
                        SOAP_TYPE,
                        concat(
                                message.substring(0, message.indexOf("2021000555")),
                                new byte[] {(byte) 0xC3, (byte) 0x28},
                                message.substring(message.indexOf("2021000555")))),
                soap(
                        operation,
                        path,
                        "processing instruction and CDATA",
                        message.replace(">2021000555<", "><?fuzz x?><![CDATA[2021000555]]><")));
        broken.addAll(whole);
        for (var contentType : List.of(
                "application/json",
                "application/soap+xml; charset=UTF-8",
                "text/plain",
                "application/x-www-form-urlencoded",
                "text/xml; charset=klingon")) {
            broken.add(FuzzRequest.of(operation, "content type " + contentType, "POST", path, contentType, message));
        }
        for (var query : List.of(
                "wsdl=../../../../etc/passwd",
                "xsd=../../../../etc/passwd",
                "wsdl&xsd=%00",
                "xsd=" + OpenApiFuzzer.encode("19121212-1212"),
                "wsdl=%2e%2e%2f%2e%2e%2f")) {
            broken.add(FuzzRequest.of(operation, "GET ?" + query, "GET", path + "?" + query, null, null));
        }
        Collections.shuffle(broken, random);
        var requests = new ArrayList<FuzzRequest>();
        requests.add(soap(operation, path, "plausible request", message));
        requests.addAll(broken.subList(0, Math.min(broken.size(), limit - 1)));
        return requests;
    }

    private static FuzzRequest soap(String operation, String path, String mutation, String message) {
        return FuzzRequest.of(operation, mutation, "POST", path, SOAP_TYPE, message);
    }

    private static String envelope(String logicalAddress, String body) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\">"
                + "<soapenv:Header><LogicalAddress xmlns=\"urn:riv:itintegration:registry:1\">" + logicalAddress
                + "</LogicalAddress></soapenv:Header>"
                + "<soapenv:Body>" + body + "</soapenv:Body></soapenv:Envelope>\n";
    }

    private static String revokeElement() {
        return """
                <ns2:RevokeCertificate xmlns:ns2="urn:riv:clinicalprocess:healthcond:certificate:RevokeCertificateResponder:2" \
                xmlns="urn:riv:clinicalprocess:healthcond:certificate:3" xmlns:ns3="urn:riv:clinicalprocess:healthcond:certificate:types:3">
                <ns2:meddelande>Fel patient</ns2:meddelande>
                <ns2:skickatTidpunkt>2017-04-03T10:00:00</ns2:skickatTidpunkt>
                <ns2:intygs-id><ns3:root>SE2321000016-H489</ns3:root><ns3:extension>1234567</ns3:extension></ns2:intygs-id>
                <ns2:patientPerson-id><ns3:root>1.2.752.129.2.1.3.1</ns3:root><ns3:extension>191212121212</ns3:extension></ns2:patientPerson-id>
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
                </ns2:RevokeCertificate>""";
    }

    private static List<Element> leaves(Document document) {
        var leaves = new ArrayList<Element>();
        var all = document.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            var element = (Element) all.item(i);
            if (element.getElementsByTagName("*").getLength() == 0) {
                leaves.add(element);
            }
        }
        return leaves;
    }

    private static Document parse(String xml) {
        try {
            var factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String write(Document document) {
        try {
            var out = new StringWriter();
            TransformerFactory.newInstance().newTransformer().transform(new DOMSource(document), new StreamResult(out));
            return out.toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] concat(String before, byte[] middle, String after) {
        var first = before.getBytes(StandardCharsets.UTF_8);
        var last = after.getBytes(StandardCharsets.UTF_8);
        var all = new byte[first.length + middle.length + last.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(middle, 0, all, first.length, middle.length);
        System.arraycopy(last, 0, all, first.length + middle.length, last.length);
        return all;
    }

    private static String read(String resource) {
        try (var in = SoapFuzzer.class.getClassLoader().getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
