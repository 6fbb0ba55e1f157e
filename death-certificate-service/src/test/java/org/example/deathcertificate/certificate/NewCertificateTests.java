package org.example.deathcertificate.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.validation.Validation;
import java.time.LocalDate;
import java.util.ArrayList;
import org.example.platform.error.JsonFieldNames;
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
                new NewCertificate.Identity(
                        example.certificateId(), "DB", example.identity().version()),
                example.deceased(),
                example.death(),
                example.causes(),
                example.surgery(),
                example.injury(),
                example.basis(),
                example.signing());

        assertThat(db.violations(TODAY, true)).containsExactly(new Violation("type", "certificate type must be DOI"));
    }

    /**
     * The parts are unwrapped: the JSON is the flat object of the form's fields in the form's order, as stored before
     * the parts existed, so a stored certificate reads back and a resend has the same content hash.
     */
    @Test
    void isOneFlatJsonObjectWithItsFieldsInTheFormsOrderAndReadsBackEqual() throws Exception {
        var json = new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        var example = Certificates.example("1");

        var tree = json.readTree(json.writeValueAsString(example));
        var names = new ArrayList<String>();
        tree.fieldNames().forEachRemaining(names::add);

        assertThat(names)
                .containsExactly(
                        "certificateId",
                        "type",
                        "version",
                        "personnummer",
                        "birthDate",
                        "sex",
                        "firstName",
                        "lastName",
                        "identityVerifiedBy",
                        "dateOfDeathCertain",
                        "dateOfDeath",
                        "foundDeadDate",
                        "placeOfDeathMunicipality",
                        "placeOfDeath",
                        "childWithin28Days",
                        "terminalCause",
                        "followingCauses",
                        "contributingConditions",
                        "operation",
                        "operationDate",
                        "operationReason",
                        "injuryOrPoisoning",
                        "injuryCause",
                        "injuryDate",
                        "injuryDescription",
                        "grounds",
                        "country",
                        "replacesCertificateId",
                        "signedAt",
                        "signedBy",
                        "careUnitId",
                        "careProviderId");
        assertThat(tree.path("personnummer").asText()).isEqualTo("192703104329");
        assertThat(json.readValue(json.writeValueAsString(example), NewCertificate.class))
                .isEqualTo(example);
    }

    @Test
    void namesAFieldInAnErrorAsTheClientSentItWithoutItsPart() {
        var example = Certificates.example("1");
        var bad = new NewCertificate(
                example.identity(),
                new NewCertificate.Deceased("19270310432", null, null, null, null, " "),
                example.death(),
                new NewCertificate.Causes(
                        new CauseLine(" ", null, null), example.causes().followingCauses(), java.util.List.of()),
                example.surgery(),
                example.injury(),
                example.basis(),
                example.signing());

        try (var factory = Validation.buildDefaultValidatorFactory()) {
            assertThat(factory.getValidator().validate(bad))
                    .extracting(violation -> JsonFieldNames.of(
                            NewCertificate.class, violation.getPropertyPath().toString()))
                    .containsExactlyInAnyOrder("personnummer", "identityVerifiedBy", "terminalCause.description");
        }
    }

    @Test
    void keepsPersonalDataOutOfItsText() {
        assertThat(Certificates.example("42").toString())
                .doesNotContain("192703104329")
                .doesNotContain("Olsson");
    }
}
