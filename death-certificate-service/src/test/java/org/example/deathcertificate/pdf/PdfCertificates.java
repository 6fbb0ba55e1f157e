package org.example.deathcertificate.pdf;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.example.deathcertificate.certificate.CauseLine;
import org.example.deathcertificate.certificate.CauseLine.Specification;
import org.example.deathcertificate.certificate.NewCertificate;
import org.example.deathcertificate.certificate.NewCertificate.Ground;
import org.example.deathcertificate.certificate.NewCertificate.InjuryCause;
import org.example.deathcertificate.certificate.NewCertificate.Operation;
import org.example.deathcertificate.certificate.NewCertificate.PlaceOfDeath;

/** A certificate with Swedish letters in names and cause lines, for reading the PDF back. */
final class PdfCertificates {

    private PdfCertificates() {}

    static NewCertificate example(String certificateId, String replacesCertificateId) {
        return new NewCertificate(
                new NewCertificate.Identity(certificateId, "DOI", "1.0"),
                new NewCertificate.Deceased("192703104329", null, null, "Åsa", "Ödmark", "körkort"),
                new NewCertificate.Death(
                        false, "2017-04-01", LocalDate.of(2017, 4, 2), "Örebro", PlaceOfDeath.SJUKHUS, false),
                new NewCertificate.Causes(
                        new CauseLine("Hjärtinfarkt", LocalDate.of(2017, 4, 1), Specification.PLOTSLIG),
                        List.of(
                                new CauseLine(
                                        "Kranskärlsförträngning", LocalDate.of(2016, 5, 1), Specification.KRONISK),
                                new CauseLine(
                                        "Diabetes mellitus typ 2 med njurpåverkan",
                                        LocalDate.of(2016, 4, 1),
                                        Specification.KRONISK)),
                        List.of(new CauseLine(
                                "Förmaksflimmer", LocalDate.of(2017, 3, 1), Specification.UPPGIFT_SAKNAS))),
                new NewCertificate.Surgery(Operation.JA, LocalDate.of(2017, 3, 20), "Bypassoperation"),
                new NewCertificate.Injury(true, InjuryCause.OLYCKSFALL, LocalDate.of(2017, 1, 1), "Fall i hemmet"),
                new NewCertificate.Basis(
                        List.of(Ground.KLINISK_OBDUKTION, Ground.UNDERSOKNING_FORE_DODEN), null, replacesCertificateId),
                new NewCertificate.Signing(
                        LocalDateTime.of(2017, 4, 3, 10, 0),
                        "SE2321000016-6G5R",
                        "SE2321000016-H489",
                        "SE2321000016-39KJ"));
    }
}
