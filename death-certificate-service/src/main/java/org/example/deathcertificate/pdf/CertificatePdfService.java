package org.example.deathcertificate.pdf;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.logging.Level;
import javax.xml.transform.TransformerFactory;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.example.deathcertificate.certificate.CauseLine;
import org.example.deathcertificate.certificate.CertificateDetails;
import org.example.deathcertificate.certificate.CertificateService;
import org.example.deathcertificate.certificate.NewCertificate;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Service;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Renders a stored certificate as the printed form shows it: the page is an XHTML template (Thymeleaf), rendered
 * to PDF/A-2u by openhtmltopdf with Liberation Sans embedded (subset), so å, ä and ö print the same everywhere and the
 * document can be archived. A revoked or replaced certificate says so at the top of the page.
 */
@Service
public class CertificatePdfService {

    static final String FONT = "Liberation Sans";
    private static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    /**
     * The two fonts, parsed once: each PDF embeds the subset of the glyphs it uses, built from these. PDFBox reads a
     * parsed font's tables under a lock, so documents rendered at the same time can share it (as PDFBox's own font
     * cache shares fonts).
     */
    private static final TrueTypeFont REGULAR = font("pdf/fonts/LiberationSans-Regular.ttf");

    private static final TrueTypeFont BOLD = font("pdf/fonts/LiberationSans-Bold.ttf");
    private static final byte[] SRGB =
            ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();

    /**
     * The class loader the renderer runs under. openhtmltopdf (reading the page) and PDFBox's xmpbox (writing the
     * PDF/A metadata) each ask JAXP for a new TransformerFactory per document; with Saxon-HE on the class path (the
     * Schematron rules need it) JAXP's service look-up finds Saxon's, whose every new instance builds a Saxon
     * configuration: about 20 ms of CPU per PDF, a third of the whole. Seen through this loader, the look-up finds no
     * service and takes the JDK's own XSLT, which is all an identity transform needs. Everything else is the parent's.
     */
    private static final ClassLoader JDK_XSLT = new ClassLoader(CertificatePdfService.class.getClassLoader()) {
        @Override
        public Enumeration<URL> getResources(String name) throws IOException {
            return name.equals("META-INF/services/" + TransformerFactory.class.getName())
                    ? Collections.emptyEnumeration()
                    : super.getResources(name);
        }
    };

    static {
        // openhtmltopdf writes five INFO lines to the console for every document (stylesheets parsed, fonts
        // loaded, ...): only its warnings and errors are worth a line in the service's log
        XRLog.listRegisteredLoggers().forEach(logger -> XRLog.setLevel(logger, Level.WARNING));
    }

    private final CertificateService certificates;
    private final ITemplateEngine templates;

    CertificatePdfService(CertificateService certificates, ITemplateEngine templates) {
        this.certificates = certificates;
        this.templates = templates;
    }

    /** The certificate's PDF; CertificateNotFoundException when there is none with this id. */
    public byte[] render(String certificateId) {
        var html = html(certificateId);
        var pdf = new ByteArrayOutputStream(64 * 1024);
        var thread = Thread.currentThread();
        var previous = thread.getContextClassLoader();
        thread.setContextClassLoader(JDK_XSLT);
        try (var document = new PDDocument()) {
            new PdfRendererBuilder()
                    .useFastMode()
                    .usePDDocument(document)
                    .usePdfAConformance(PdfRendererBuilder.PdfAConformance.PDFA_2_U)
                    .useColorProfile(SRGB)
                    .useFont(
                            new PDFontSupplier(PDType0Font.load(document, REGULAR, true)),
                            FONT,
                            400,
                            FontStyle.NORMAL,
                            true)
                    .useFont(
                            new PDFontSupplier(PDType0Font.load(document, BOLD, true)),
                            FONT,
                            700,
                            FontStyle.NORMAL,
                            true)
                    .withProducer("Socialstyrelsen dödsorsaksregistret")
                    .withHtmlContent(html, null)
                    .toStream(pdf)
                    .run();
        } catch (IOException e) {
            throw new UncheckedIOException("The PDF of a certificate could not be rendered", e);
        } finally {
            thread.setContextClassLoader(previous);
        }
        return pdf.toByteArray();
    }

    private String html(String certificateId) {
        return templates.process("pdf/certificate", model(certificates.get(certificateId)));
    }

    private static Context model(CertificateDetails certificate) {
        var answers = certificate.answers();
        var context = new Context();
        context.setVariable("c", certificate);
        context.setVariable("a", answers);
        context.setVariable("personnummer", personnummer(answers.deceased().personnummer()));
        context.setVariable(
                "birthDate",
                answers.deceased().personnummer() == null
                        ? date(answers.deceased().birthDate())
                        : "");
        context.setVariable("chain", chain(answers));
        context.setVariable("contributing", contributing(answers));
        context.setVariable(
                "grounds", answers.basis().grounds().stream().map(Enum::name).toList());
        context.setVariable(
                "signedAt",
                answers.signing().signedAt() == null
                        ? ""
                        : MINUTES.format(answers.signing().signedAt()));
        context.setVariable("receivedAt", time(certificate.receivedAt()));
        context.setVariable("revokedAt", time(certificate.revokedAt()));
        context.setVariable(
                "channel",
                switch (certificate.channel()) {
                    case WEBCERT -> "Webcert";
                    case API -> "API";
                    case PAPER -> "pappersblankett";
                });
        return context;
    }

    /** One row of the cause chain (A–D) or of the contributing conditions, as the form prints it. */
    record Line(String letter, String description, String onset, String specification) {

        static Line of(String letter, CauseLine line) {
            return new Line(
                    letter,
                    line.description(),
                    date(line.onsetDate()),
                    line.specification() == null ? "" : line.specification().name());
        }

        static Line empty(String letter) {
            return new Line(letter, "", "", "");
        }
    }

    /** Lines A to D, always four as on the form; the unused ones stay empty. */
    private static List<Line> chain(NewCertificate answers) {
        var letters = List.of("A", "B", "C", "D");
        var causes = answers.causeChain();
        var lines = new ArrayList<Line>();
        for (int i = 0; i < letters.size(); i++) {
            lines.add(i < causes.size() ? Line.of(letters.get(i), causes.get(i)) : Line.empty(letters.get(i)));
        }
        return lines;
    }

    /** The contributing conditions, at least the form's four rows. */
    private static List<Line> contributing(NewCertificate answers) {
        var lines = new ArrayList<Line>();
        answers.causes().contributingConditions().forEach(line -> lines.add(Line.of("", line)));
        while (lines.size() < 4) {
            lines.add(Line.empty(""));
        }
        return lines;
    }

    /** YYYYMMDD-NNNN, the way a personnummer is written for people to read. */
    private static String personnummer(String personnummer) {
        return personnummer == null ? "" : personnummer.substring(0, 8) + "-" + personnummer.substring(8);
    }

    private static String date(LocalDate date) {
        return date == null ? "" : date.toString();
    }

    private static String time(Instant instant) {
        return instant == null ? "" : MINUTES.format(instant.atZone(SWEDEN));
    }

    private static TrueTypeFont font(String path) {
        try (var in = new ClassPathResource(path).getInputStream()) {
            return new TTFParser().parse(new RandomAccessReadBuffer(in.readAllBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException("Missing or unreadable font " + path, e);
        }
    }
}
