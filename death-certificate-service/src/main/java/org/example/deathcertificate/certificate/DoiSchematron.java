package org.example.deathcertificate.certificate;

import com.helger.schematron.sch.SchematronResourceSCH;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.sax.SAXSource;
import net.sf.saxon.s9api.Processor;
import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.s9api.WhitespaceStrippingPolicy;
import net.sf.saxon.s9api.XPathExecutable;
import net.sf.saxon.s9api.XdmDestination;
import net.sf.saxon.s9api.XdmNode;
import net.sf.saxon.s9api.XsltExecutable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * The DOI rules of Inera's {@code doi.v1.sch}, applied as published: ph-schematron turns the ISO Schematron (XSLT 2
 * query binding) into its validating XSLT once, at start; Saxon runs that XSLT on each message read into its own
 * tree by a parser that refuses DTDs. The rules find the intyg anywhere in the document, so a whole SOAP envelope can
 * be checked as received. Whitespace-only text nodes (indentation) are left out of the tree: no DOI rule reads them,
 * and every rule pattern walks the whole tree. The result is SVRL; each failed assertion becomes a violation.
 */
@Component
class DoiSchematron {

    private static final Logger log = LoggerFactory.getLogger(DoiSchematron.class);
    private static final String SVRL = "http://purl.oclc.org/dsdl/svrl";

    private final Processor saxon;
    private final XsltExecutable rules;
    private final XPathExecutable failedAssertions;
    private final XPathExecutable text;
    private final SAXParserFactory parsers;

    DoiSchematron() {
        var schematron = SchematronResourceSCH.fromClassPath("schematron/doi.v1.sch");
        if (!schematron.isValidSchematron()) {
            throw new IllegalStateException("doi.v1.sch could not be compiled");
        }
        saxon = new Processor(false);
        try {
            rules = saxon.newXsltCompiler().compile(new DOMSource(schematron.getXSLTProvider().getXSLTDocument()));
            var xpath = saxon.newXPathCompiler();
            xpath.declareNamespace("svrl", SVRL);
            failedAssertions = xpath.compile("//svrl:failed-assert");
            text = xpath.compile("normalize-space(svrl:text)");
        } catch (SaxonApiException e) {
            throw new IllegalStateException("The XSLT made from doi.v1.sch could not be compiled", e);
        }
        parsers = SAXParserFactory.newInstance();
        parsers.setNamespaceAware(true);
        try {
            parsers.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            parsers.setFeature("http://xml.org/sax/features/external-general-entities", false);
            parsers.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            parsers.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("The XML parser cannot be made safe", e);
        }
    }

    /** The failed assertions, each with its location in the document and the rule's own text. */
    List<Violation> validate(byte[] xml) {
        XdmNode document;
        try {
            var reader = parsers.newSAXParser().getXMLReader();
            var builder = saxon.newDocumentBuilder();
            builder.setWhitespaceStrippingPolicy(WhitespaceStrippingPolicy.ALL);
            document = builder.build(new SAXSource(reader, new InputSource(new ByteArrayInputStream(xml))));
        } catch (SaxonApiException | ParserConfigurationException | SAXException e) {
            return List.of(new Violation("/", "the message is not well-formed XML without DTD"));
        }
        try {
            var transformer = rules.load();
            transformer.setInitialContextNode(document);
            var report = new XdmDestination();
            transformer.setDestination(report);
            transformer.transform();
            var selector = failedAssertions.load();
            selector.setContextItem(report.getXdmNode());
            var violations = new ArrayList<Violation>();
            for (var failed : selector.evaluate()) {
                var node = (XdmNode) failed;
                var message = text.load();
                message.setContextItem(node);
                violations.add(new Violation(shorter(node.getAttributeValue(new net.sf.saxon.s9api.QName("location"))),
                        message.evaluateSingle().getStringValue()));
            }
            return violations;
        } catch (SaxonApiException e) {
            log.warn("A message could not be checked against doi.v1.sch: {}", e.getMessage());
            return List.of(new Violation("/", "the message could not be checked against the DOI rules"));
        }
    }

    /** "/*:svar[namespace-uri()='…'][7]" becomes "/svar[7]". */
    private static String shorter(String location) {
        return location == null ? "/" : location.replaceAll("\\[namespace-uri\\(\\)='[^']*'\\]", "").replace("*:", "");
    }
}
