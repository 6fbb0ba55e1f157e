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
                certificateId,
                "DOI",
                "1.0",
                personnummer,
                birthDate,
                personnummer == null ? NewCertificate.Sex.FEMALE : null,
                "Olivia",
                "Olsson",
                "körkort",
                false,
                "2017-04-01",
                LocalDate.of(2017, 4, 2),
                "kommun",
                PlaceOfDeath.SJUKHUS,
                false,
                new CauseLine("terminal dödsorsak", LocalDate.of(2017, 4, 1), Specification.KRONISK),
                List.of(
                        new CauseLine("foljd 1", LocalDate.of(2016, 5, 1), Specification.KRONISK),
                        new CauseLine("foljd 2", LocalDate.of(2016, 4, 1), Specification.PLOTSLIG)),
                List.of(new CauseLine("bidragande sjukdom 1", LocalDate.of(2017, 3, 1), Specification.UPPGIFT_SAKNAS)),
                Operation.JA,
                LocalDate.of(2017, 3, 20),
                "anledning",
                true,
                InjuryCause.OLYCKSFALL,
                LocalDate.of(2017, 1, 1),
                "uppkommelse",
                List.of(Ground.KLINISK_OBDUKTION, Ground.UNDERSOKNING_FORE_DODEN),
                "Sverige",
                null,
                LocalDateTime.of(2017, 4, 3, 10, 0),
                "SE2321000016-6G5R",
                "SE2321000016-H489",
                "SE2321000016-39KJ");
    }

    static NewCertificate withChain(String certificateId, LocalDate terminal, LocalDate b, LocalDate c) {
        var example = example(certificateId);
        return new NewCertificate(
                example.certificateId(),
                example.type(),
                example.version(),
                example.personnummer(),
                null,
                null,
                null,
                null,
                example.identityVerifiedBy(),
                example.dateOfDeathCertain(),
                example.dateOfDeath(),
                example.foundDeadDate(),
                example.placeOfDeathMunicipality(),
                example.placeOfDeath(),
                example.childWithin28Days(),
                new CauseLine("A", terminal, null),
                List.of(new CauseLine("B", b, null), new CauseLine("C", c, null)),
                List.of(),
                Operation.NEJ,
                null,
                null,
                false,
                null,
                null,
                null,
                example.grounds(),
                null,
                null,
                null,
                null,
                null,
                null);
    }
}
