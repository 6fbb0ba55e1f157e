package org.example.deathcertificate.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class NewCertificateTests {

    static final LocalDate TODAY = LocalDate.of(2026, 1, 15);

    @Test
    void findsNothingWrongWithTheExample() {
        assertThat(Certificates.example("1").violations(TODAY, true)).isEmpty();
    }

    @Test
    void refusesAWrongCheckDigitNamingThePersonnummer() {
        var certificate = Certificates.withPersonnummer("1", "192703104321", null);

        assertThat(certificate.violations(TODAY, true))
                .containsExactly(
                        new Violation("personnummer", "personnummer/samordningsnummer has a wrong check digit"));
    }

    @Test
    void requiresAPersonnummerUnlessOnPaperWhereADateOfBirthIsEnough() {
        var withoutNumber = Certificates.withPersonnummer("1", null, null);
        var withBirthDate = Certificates.withPersonnummer("1", null, LocalDate.of(1927, 3, 10));

        assertThat(withoutNumber.violations(TODAY, true))
                .extracting(Violation::field)
                .containsExactly("personnummer");
        assertThat(withoutNumber.violations(TODAY, false))
                .extracting(Violation::field)
                .containsExactly("birthDate");
        assertThat(withBirthDate.violations(TODAY, false)).isEmpty();
    }

    @Test
    void refusesOnsetDatesLaterDownTheCauseChain() {
        var certificate = Certificates.withChain(
                "1", LocalDate.of(2017, 3, 1), LocalDate.of(2017, 2, 1), LocalDate.of(2017, 2, 15));

        assertThat(certificate.violations(TODAY, true))
                .containsExactly(new Violation(
                        "followingCauses[1].onsetDate",
                        "onset must not be later than the onset of the line above it in the cause chain"));
    }

    @Test
    void acceptsEqualOnsetDatesAndMissingOnes() {
        var certificate = Certificates.withChain("1", LocalDate.of(2017, 3, 1), null, LocalDate.of(2017, 3, 1));

        assertThat(certificate.violations(TODAY, true)).isEmpty();
    }

    @Test
    void refusesDatesInTheFuture() {
        var certificate = Certificates.example("1");

        assertThat(certificate.violations(LocalDate.of(2017, 3, 31), true))
                .extracting(Violation::field)
                .contains("dateOfDeath", "foundDeadDate", "terminalCause.onsetDate", "signedAt");
    }

    @Test
    void refusesAnotherCertificateType() {
        var example = Certificates.example("1");
        var db = new NewCertificate(
                example.certificateId(),
                "DB",
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
                example.terminalCause(),
                example.followingCauses(),
                example.contributingConditions(),
                example.operation(),
                example.operationDate(),
                example.operationReason(),
                example.injuryOrPoisoning(),
                example.injuryCause(),
                example.injuryDate(),
                example.injuryDescription(),
                example.grounds(),
                null,
                null,
                null,
                null,
                null,
                null);

        assertThat(db.violations(TODAY, true)).containsExactly(new Violation("type", "certificate type must be DOI"));
    }

    @Test
    void keepsPersonalDataOutOfItsText() {
        assertThat(Certificates.example("42").toString())
                .doesNotContain("192703104329")
                .doesNotContain("Olsson");
    }
}
