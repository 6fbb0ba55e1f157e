package org.example.deathcertificate.certificate;

import com.helger.schematron.svrl.SVRLHelper;
import com.helger.schematron.sch.SchematronResourceSCH;
import java.io.ByteArrayInputStream;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.dom.DOMSource;
import org.springframework.stereotype.Component;

/**
 * The DOI rules of Inera's {@code doi.v1.sch}, applied as published (ISO Schematron, XSLT 2 query binding, compiled
 * once with Saxon by ph-schematron). The rules find the intyg anywhere in the document, so a whole SOAP envelope can
 * be checked as received.
 */
@Component
class DoiSchematron {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(DoiSchematron.class);

    private final SchematronResourceSCH schematron;
    private final DocumentBuilderFactory parsers;

    DoiSchematron() {
        schematron = SchematronResourceSCH.fromClassPath("schematron/doi.v1.sch");
        if (!schematron.isValidSchematron()) {
            throw new IllegalStateException("doi.v1.sch could not be compiled");
        }
        parsers = DocumentBuilderFactory.newInstance();
        parsers.setNamespaceAware(true);
        parsers.setXIncludeAware(false);
        parsers.setExpandEntityReferences(false);
        try {
            parsers.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            parsers.setFeature("http://xml.org/sax/features/external-general-entities", false);
            parsers.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            parsers.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("The XML parser cannot be made safe", e);
        }
    }

    /** The failed assertions, each with its location in the document and the rule's own text. */
    List<Violation> validate(byte[] xml) {
        try {
            var document = parsers.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
            var report = schematron.applySchematronValidationToSVRL(new DOMSource(document));
            if (report == null) {
                return List.of(new Violation("/", "the message could not be checked against the DOI rules"));
            }
            return SVRLHelper.getAllFailedAssertions(report).stream()
                    .map(failed -> new Violation(shorter(failed.getLocation()), failed.getText().strip().replaceAll("\\s+", " ")))
                    .toList();
        } catch (Exception e) {
            log.warn("A message could not be checked against doi.v1.sch: {}", e.toString());
            return List.of(new Violation("/", "the message could not be checked against the DOI rules"));
        }
    }

    /** "/*:svar[namespace-uri()='…'][7]" becomes "/svar[7]". */
    private static String shorter(String location) {
        return location == null ? "/" : location.replaceAll("\\[namespace-uri\\(\\)='[^']*'\\]", "").replace("*:", "");
    }
}
