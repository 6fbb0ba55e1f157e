package org.example.deathcertificate.certificate;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.example.deathcertificate.certificate.CauseLine.Specification;
import org.example.deathcertificate.certificate.NewCertificate.Ground;
import org.example.deathcertificate.certificate.NewCertificate.InjuryCause;
import org.example.deathcertificate.certificate.NewCertificate.Operation;
import org.example.deathcertificate.certificate.NewCertificate.PlaceOfDeath;

/** Certificates for tests: the answers of Inera's DOI example, with a personnummer whose check digit is right. */
final class Certificates {

    private Certificates() {}

    static NewCertificate example(String certificateId) {
        return withPersonnummer(certificateId, "192703104329", null);
    }

    static NewCertificate withPersonnummer(String certificateId, String personnummer, LocalDate birthDate) {
        return new NewCertificate(
                new NewCertificate.Identity(certificateId, "DOI", "1.0"),
                new NewCertificate.Deceased(
                        personnummer,
                        birthDate,
                        personnummer == null ? NewCertificate.Sex.FEMALE : null,
                        "Olivia",
                        "Olsson",
                        "körkort"),
                new NewCertificate.Death(
                        false, "2017-04-01", LocalDate.of(2017, 4, 2), "kommun", PlaceOfDeath.SJUKHUS, false),
                new NewCertificate.Causes(
                        new CauseLine("terminal dödsorsak", LocalDate.of(2017, 4, 1), Specification.KRONISK),
                        List.of(
                                new CauseLine("foljd 1", LocalDate.of(2016, 5, 1), Specification.KRONISK),
                                new CauseLine("foljd 2", LocalDate.of(2016, 4, 1), Specification.PLOTSLIG)),
                        List.of(new CauseLine(
                                "bidragande sjukdom 1", LocalDate.of(2017, 3, 1), Specification.UPPGIFT_SAKNAS))),
                new NewCertificate.Surgery(Operation.JA, LocalDate.of(2017, 3, 20), "anledning"),
                new NewCertificate.Injury(true, InjuryCause.OLYCKSFALL, LocalDate.of(2017, 1, 1), "uppkommelse"),
                new NewCertificate.Basis(
                        List.of(Ground.KLINISK_OBDUKTION, Ground.UNDERSOKNING_FORE_DODEN), "Sverige", null),
                new NewCertificate.Signing(
                        LocalDateTime.of(2017, 4, 3, 10, 0),
                        "SE2321000016-6G5R",
                        "SE2321000016-H489",
                        "SE2321000016-39KJ"));
    }

    static NewCertificate withChain(String certificateId, LocalDate terminal, LocalDate b, LocalDate c) {
        var example = example(certificateId);
        return new NewCertificate(
                example.identity(),
                example.deceased(),
                example.death(),
                new NewCertificate.Causes(
                        new CauseLine("A", terminal, null),
                        List.of(new CauseLine("B", b, null), new CauseLine("C", c, null)),
                        List.of()),
                new NewCertificate.Surgery(Operation.NEJ, null, null),
                new NewCertificate.Injury(false, null, null, null),
                new NewCertificate.Basis(example.basis().grounds(), null, null),
                new NewCertificate.Signing(null, null, null, null));
    }
}
