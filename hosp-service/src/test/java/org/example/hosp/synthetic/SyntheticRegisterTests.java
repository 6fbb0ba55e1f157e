package org.example.hosp.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.example.hosp.HospIntegrationTest;
import org.example.hosp.identity.IdentityNumber;
import org.example.hosp.register.RegisterRows;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The synthetic register: deterministic, valid, realistic in mix, loaded once (tests load 2,000 persons). */
@HospIntegrationTest
class SyntheticRegisterTests {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    SyntheticRegisterService loader;

    @Autowired
    SyntheticRegisterHealthIndicator health;

    @Test
    void loadsTheConfiguredNumberOfPersonsPlusTheDemoPersons() {
        assertThat(jdbc.queryForObject("select count(*) from person", Integer.class))
                .isEqualTo(2000 + DemoPersons.IDENTITY_NUMBERS.size());
        assertThat(jdbc.queryForList(
                        "select identity_number from person where identity_number in ("
                                + String.join(
                                        ",",
                                        DemoPersons.IDENTITY_NUMBERS.stream()
                                                .map(n -> "'" + n + "'")
                                                .toList())
                                + ")",
                        String.class))
                .hasSize(DemoPersons.IDENTITY_NUMBERS.size());
        assertThat(health.health().getStatus().getCode()).isEqualTo("UP");
    }

    @Test
    void skipsTheLoadWhenTheRegisterIsAlreadyThere() throws Exception {
        assertThat(loader.load()).isZero();
        assertThat(jdbc.queryForObject("select count(*) from person", Integer.class))
                .isEqualTo(2000 + DemoPersons.IDENTITY_NUMBERS.size());
        assertThat(jdbc.queryForObject("select count(*) from synthetic_register_load", Integer.class))
                .isOne();
    }

    @Test
    void storesOnlyValidUniqueIdentityNumbersWithMatchingBirthDates() {
        var rows = jdbc.queryForList("select identity_number, birth_date::text as birth_date from person");
        assertThat(rows).allSatisfy(row -> {
            var number = IdentityNumber.parse((String) row.get("identity_number"), LocalDate.now(ZoneOffset.UTC));
            assertThat(number.birthDate().toString()).isEqualTo(row.get("birth_date"));
        });
    }

    @Test
    void hasARealisticMixOfProfessionsSpecialistsRestrictionsAndProtectedIdentities() {
        var professions = jdbc.queryForList(
                "select profession_code from licence group by profession_code order by count(*) desc", String.class);
        assertThat(professions.subList(0, 2)).containsExactly("SJ", "LK");
        assertThat(professions.size()).isGreaterThan(15);
        var doctors = jdbc.queryForObject("select count(*) from licence where profession_code = 'LK'", Double.class);
        var specialists = jdbc.queryForObject("""
                select count(distinct l.id) from licence l join specialist_certificate s on s.licence_id = l.id
                where l.profession_code = 'LK'
                """, Double.class);
        assertThat(specialists / doctors).isBetween(0.4, 0.8);
        assertThat(jdbc.queryForObject("""
                select count(*) from specialist_certificate s join licence l on l.id = s.licence_id
                where l.profession_code not in ('LK', 'TL')
                """, Integer.class)).isZero();
        var protectedShare = jdbc.queryForObject(
                "select avg(case when protected_identity then 1.0 else 0 end) from person", Double.class);
        assertThat(protectedShare).isBetween(0.002, 0.03);
        assertThat(jdbc.queryForObject("select count(*) from person where deceased", Integer.class))
                .isPositive();
        assertThat(jdbc.queryForObject("select count(distinct code) from restriction", Integer.class))
                .isEqualTo(3);
    }

    @Test
    void generatesTheSamePersonsFromTheSameSeedAndOthersFromAnother() {
        assertThat(firstNumbers(20060196L, 500))
                .isEqualTo(firstNumbers(20060196L, 500))
                .doesNotHaveDuplicates()
                .allSatisfy(number -> assertThat(IdentityNumber.parse(number, LocalDate.now(ZoneOffset.UTC))
                                .value())
                        .isEqualTo(number))
                .doesNotContainAnyElementsOf(DemoPersons.IDENTITY_NUMBERS);
        assertThat(firstNumbers(1L, 50)).isNotEqualTo(firstNumbers(20060196L, 50));
    }

    @Test
    void generatesTheSameFirstPersonsWhateverTheTotal() {
        var small = new ArrayList<String>();
        new SyntheticRegisterGenerator(7L).generate(100, 30, 1, rows -> small.add(rows.personsCsv()));
        var large = new StringBuilder();
        new SyntheticRegisterGenerator(7L).generate(300, 1000, 1, rows -> large.append(rows.personsCsv()));
        assertThat(large.toString()).startsWith(String.join("", small));
        var unique = new HashSet<String>();
        large.toString().lines().forEach(line -> unique.add(line.substring(0, 12)));
        assertThat(unique).hasSize(300);
    }

    private static List<String> firstNumbers(long seed, int count) {
        var generator = new SyntheticRegisterGenerator(seed);
        var numbers = new ArrayList<String>();
        var rows = new RegisterRows(1);
        for (int i = 0; i < count; i++) {
            numbers.add(generator.nextIdentityNumber(rows));
        }
        return numbers;
    }
}
