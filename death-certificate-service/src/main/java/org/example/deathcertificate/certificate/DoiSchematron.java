package org.example.deathcertificate.certificate;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.transform.sax.SAXSource;
import javax.xml.transform.stream.StreamSource;
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
import org.xml.sax.XMLReader;

/**
 * The DOI rules of Inera's {@code doi.v1.sch}, applied as published: SchXslt compiles the ISO Schematron (XSLT 2 query
 * binding) into its validating XSLT once, at start, and Saxon runs that XSLT on each message read into its own tree by
 * a parser that refuses DTDs. SchXslt's XSLT checks all 51 patterns in one walk over the message (rules of different
 * patterns chained with {@code xsl:next-match}), where the ISO skeleton walks the message once per pattern. The rules
 * find the intyg anywhere in the document, so a whole SOAP envelope can be checked as received. Whitespace-only text
 * nodes (indentation) are left out of the tree: no DOI rule reads them. The result is SVRL; each failed assertion
 * becomes a violation.
 */
@Component
class DoiSchematron {

    private static final Logger log = LoggerFactory.getLogger(DoiSchematron.class);
    private static final String SVRL = "http://purl.oclc.org/dsdl/svrl";
    /** SchXslt's three steps from a Schematron schema to its validating XSLT, in order. */
    private static final List<String> SCHXSLT_STEPS =
            List.of("/xslt/2.0/include.xsl", "/xslt/2.0/expand.xsl", "/xslt/2.0/compile-for-svrl.xsl");

    private final Processor saxon;
    private final XsltExecutable rules;
    private final XPathExecutable failedAssertions;
    private final XPathExecutable text;
    private final SAXParserFactory parsers;
    /** A safe parser per thread, reused after each message it read without error. */
    private final ThreadLocal<XMLReader> readers = ThreadLocal.withInitial(this::newReader);

    DoiSchematron() {
        saxon = new Processor(false);
        try {
            rules = saxon.newXsltCompiler()
                    .compile(compiledRules("/schematron/doi.v1.sch").asSource());
            var xpath = saxon.newXPathCompiler();
            xpath.declareNamespace("svrl", SVRL);
            failedAssertions = xpath.compile("//svrl:failed-assert");
            text = xpath.compile("normalize-space(svrl:text)");
        } catch (SaxonApiException | IOException e) {
            throw new IllegalStateException("doi.v1.sch could not be compiled into its validating XSLT", e);
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

    private XdmNode compiledRules(String schema) throws SaxonApiException, IOException {
        var schemaUrl = Objects.requireNonNull(DoiSchematron.class.getResource(schema), schema);
        XdmNode document;
        try (var in = schemaUrl.openStream()) {
            document = saxon.newDocumentBuilder().build(new StreamSource(in, schemaUrl.toExternalForm()));
        }
        for (var step : SCHXSLT_STEPS) {
            var stylesheet = Objects.requireNonNull(DoiSchematron.class.getResource(step), step);
            var transformer = saxon.newXsltCompiler()
                    .compile(new StreamSource(stylesheet.toExternalForm()))
                    .load();
            transformer.setInitialContextNode(document);
            var result = new XdmDestination();
            transformer.setDestination(result);
            transformer.transform();
            document = result.getXdmNode();
        }
        return document;
    }

    /** The failed assertions, each with its location in the document and the rule's own text. */
    List<Violation> validate(byte[] xml) {
        XdmNode document;
        try {
            var reader = readers.get();
            var builder = saxon.newDocumentBuilder();
            builder.setWhitespaceStrippingPolicy(WhitespaceStrippingPolicy.ALL);
            document = builder.build(new SAXSource(reader, new InputSource(new ByteArrayInputStream(xml))));
        } catch (SaxonApiException e) {
            readers.remove(); // a parser that stopped on an error is not used again
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
                violations.add(new Violation(
                        shorter(node.getAttributeValue(new net.sf.saxon.s9api.QName("location"))),
                        message.evaluateSingle().getStringValue()));
            }
            return violations;
        } catch (SaxonApiException e) {
            log.warn("A message could not be checked against doi.v1.sch: {}", e.getMessage());
            return List.of(new Violation("/", "the message could not be checked against the DOI rules"));
        }
    }

    private XMLReader newReader() {
        try {
            return parsers.newSAXParser().getXMLReader();
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("The XML parser cannot be made safe", e);
        }
    }

    /** "/Q{urn:…}svar[7]" becomes "/svar[7]". */
    private static String shorter(String location) {
        return location == null ? "/" : location.replaceAll("Q\\{[^}]*\\}", "");
    }
}
