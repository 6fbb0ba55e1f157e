package org.example.hosp.directaccess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.example.hosp.DemoPersonNumbers.NURSE_AND_MIDWIFE;
import static org.example.hosp.DemoPersonNumbers.NURSE_WITH_REVOKED_LICENCE;
import static org.example.hosp.DemoPersonNumbers.PHYSIOTHERAPIST_WITH_SAMORDNINGSNUMMER;
import static org.example.hosp.DemoPersonNumbers.SPECIALIST_DOCTOR;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.example.hosp.HospIntegrationTest;
import org.example.hosp.access.Caller;
import org.example.hosp.access.RegisterItem;
import org.example.hosp.identity.IdentityNumber;
import org.example.hosp.register.RegisteredEducation;
import org.example.hosp.register.RegisteredLicence;
import org.example.hosp.register.RegisteredPerson;
import org.example.hosp.register.RegisteredSpecialistCertificate;
import org.example.hosp.system.TransactionConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The audited lookup of one person (one statement with joins) gives everything the register holds, in order. */
@HospIntegrationTest
class PersonLookupIntegrationTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 1, 1);

    @Autowired
    DirectAccessRepository lookups;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    @Qualifier(TransactionConfiguration.DIRECT_ACCESS)
    PlatformTransactionManager directAccess;

    private Optional<RegisteredPerson> find(IdentityNumber number) {
        var caller = new Caller("person-read-test", "Test", "IVO", EnumSet.allOf(RegisterItem.class));
        return lookups.lookUp(caller, number, Set.of(RegisterItem.IDENTITY));
    }

    @Test
    void readsAPersonWithLicenceCertificatesAndEducation() {
        var person = find(IdentityNumber.parse(SPECIALIST_DOCTOR, TODAY)).orElseThrow();
        assertThat(person.identity().givenName()).isEqualTo("Karin");
        assertThat(person.identity().familyName()).isEqualTo("Lind");
        assertThat(person.identity().birthDate()).isEqualTo(LocalDate.of(1970, 3, 12));
        assertThat(person.identity().folkbokforingsort()).isEqualTo("Uppsala");
        assertThat(person.prescribing().prescriberCode()).isEqualTo("7000011");
        assertThat(person.prescribing().scope()).isEqualTo("FULL");
        assertThat(person.recorded().registeredAt()).isNotNull();
        assertThat(person.licences()).singleElement().satisfies(licence -> {
            assertThat(licence.professionCode()).isEqualTo("LK");
            assertThat(licence.licensedOn()).isEqualTo(LocalDate.of(1997, 6, 15));
            assertThat(licence.specialistCertificates())
                    .extracting(RegisteredSpecialistCertificate::specialityCode)
                    .containsExactly("1099", "32");
            assertThat(licence.restrictions()).isEmpty();
        });
        assertThat(person.educations())
                .containsExactly(new RegisteredEducation("LK", "Uppsala universitet", "SE", LocalDate.of(1995, 1, 20)));
    }

    @Test
    void readsRestrictionsWithTheirIdsAndSeveralLicencesInOrder() {
        var nurse =
                find(IdentityNumber.parse(NURSE_WITH_REVOKED_LICENCE, TODAY)).orElseThrow();
        assertThat(nurse.licences())
                .singleElement()
                .satisfies(licence -> assertThat(licence.restrictions())
                        .singleElement()
                        .satisfies(restriction -> {
                            assertThat(restriction.id()).isPositive();
                            assertThat(restriction.code()).isEqualTo("001");
                            assertThat(restriction.validFrom()).isEqualTo(LocalDate.of(2024, 3, 1));
                            assertThat(restriction.validTo()).isNull();
                            assertThat(restriction.description()).isEqualTo("Återkallad av HSAN");
                        }));
        var twoLicences = find(IdentityNumber.parse(NURSE_AND_MIDWIFE, TODAY)).orElseThrow();
        assertThat(twoLicences.licences())
                .extracting(RegisteredLicence::professionCode)
                .containsExactly("SJ", "BM");
        assertThat(twoLicences.educations())
                .extracting(RegisteredEducation::professionCode)
                .containsExactly("SJ", "BM");
        var abroad = find(IdentityNumber.parse(PHYSIOTHERAPIST_WITH_SAMORDNINGSNUMMER, TODAY))
                .orElseThrow();
        assertThat(abroad.educations())
                .singleElement()
                .satisfies(e -> assertThat(e.country()).isEqualTo("CZ"));
    }

    @Test
    void readsAPersonWithoutLicencesAndFindsNoUnknownPerson() {
        var bare = IdentityNumber.of(LocalDate.of(1922, 1, 1), 1, false);
        new TransactionTemplate(directAccess).executeWithoutResult(status -> {
            jdbc.update("""
                    insert into person (identity_number, birth_date, given_name, family_name, sex)
                    values (?, ?, 'Utan', 'Legitimation', 'MALE')""", bare.value(), LocalDate.of(1922, 1, 1));
            var person = find(bare).orElseThrow();
            assertThat(person.identity().familyName()).isEqualTo("Legitimation");
            assertThat(person.licences()).isEmpty();
            assertThat(person.educations()).isEmpty();
            status.setRollbackOnly();
        });
        assertThat(find(bare)).isEmpty();
    }
}
