package org.example.hosp.changes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.example.hosp.DemoPersonNumbers.PROTECTED_IDENTITY;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.example.hosp.HospIntegrationTest;
import org.example.hosp.HttpCalls;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;

/** The registrar's updates, each validated and each an event in the change feed, and the feed read by cursor. */
@HospIntegrationTest
class RegisterUpdatesAndChangeFeedIntegrationTests {

    static final String REGISTRAR = HttpCalls.bearer("hosp-registrar", null, null, "hosp.write", "hosp.audit");
    static final String PUBLIC = HttpCalls.bearer("region-skane", "PUBLIC_CARE_PROVIDER", "Region Skåne", "hosp.read");
    static final String IVO = HttpCalls.bearer("ivo", "IVO", "IVO", "hosp.read");
    /** An actor type the test configuration grants 1, 3 and 5–7 (no item 8), as Transportstyrelsen could be. */
    static final String CONFIGURED_AUTHORITY =
            HttpCalls.bearer("authority", "TEST_AUTHORITY", "Myndigheten", "hosp.read");

    @Autowired
    TestRestTemplate rest;

    @Autowired
    JdbcTemplate jdbc;

    HttpCalls http;

    @BeforeEach
    void calls() {
        http = new HttpCalls(rest);
    }

    @Test
    void publishesEachUpdateInOrderAndResumesFromACursor() {
        var person = personWithout("TL", 0);
        var start = endOfFeed();
        var base = "/hosp/api/v1/persons/" + person + "/licences";
        var issued = http.post(base, REGISTRAR, Map.of("professionCode", "TL", "licensedOn", "2020-06-01"));
        assertThat(issued.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(http.post(
                                base + "/TL/specialist-certificates",
                                REGISTRAR,
                                Map.of(
                                        "specialityCode",
                                        "TS01",
                                        "specialityName",
                                        "Ortodonti",
                                        "certifiedOn",
                                        "2024-01-15"))
                        .getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        assertThat(http.post(
                                base + "/TL/restrictions",
                                REGISTRAR,
                                Map.of("code", "003", "validFrom", "2024-02-01", "description", "Ej narkotika"))
                        .getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        var revoked = http.post(base + "/TL/revocation", REGISTRAR, Map.of("revokedOn", "2024-03-01"));
        assertThat(revoked.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        var revocationId = revoked.getBody().get("id").asLong();
        assertThat(licensed(person, "TL")).isFalse();
        var lifted = http.post(
                "/hosp/api/v1/persons/" + person + "/restrictions/" + revocationId + "/lifting",
                REGISTRAR,
                Map.of("liftedOn", "2024-09-01"));
        assertThat(lifted.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(lifted.getBody().get("validTo").asText()).isEqualTo("2024-08-31");
        assertThat(licensed(person, "TL")).isTrue();

        var firstPage =
                http.get("/hosp/api/v1/changes?limit=2&after=" + start, IVO).getBody();
        assertThat(kinds(firstPage, person)).containsExactly("LICENCE_ISSUED", "SPECIALIST_CERTIFICATE_ADDED");
        assertThat(firstPage.get("more").asBoolean()).isTrue();
        var secondPage = http.get(
                        "/hosp/api/v1/changes?limit=100&after="
                                + firstPage.get("next").asText(),
                        IVO)
                .getBody();
        assertThat(kinds(secondPage, person))
                .containsExactly("RESTRICTION_ADDED", "LICENCE_REVOKED", "RESTRICTION_LIFTED");
        assertThat(secondPage.get("more").asBoolean()).isFalse();
        var emptyPage = http.get(
                        "/hosp/api/v1/changes?after=" + secondPage.get("next").asText(), IVO)
                .getBody();
        assertThat(emptyPage.get("changes")).isEmpty();
        assertThat(emptyPage.get("next").asText())
                .isEqualTo(secondPage.get("next").asText());

        var issuedEvent = firstPage.get("changes").get(0);
        assertThat(issuedEvent.get("identityNumber").asText()).isEqualTo(person);
        assertThat(issuedEvent.get("professionCode").asText()).isEqualTo("TL");
        assertThat(issuedEvent.get("effectiveOn").asText()).isEqualTo("2020-06-01");
        assertThat(issuedEvent.has("specialityCode")).isFalse();
    }

    @Test
    void showsEachActorOnlyTheChangesOfItemsItMaySee() {
        var person = personWithout("TL", 1);
        var start = endOfFeed();
        var base = "/hosp/api/v1/persons/" + person + "/licences";
        http.post(base, REGISTRAR, Map.of("professionCode", "TL", "licensedOn", "2019-06-01"));
        http.post(base + "/TL/restrictions", REGISTRAR, Map.of("code", "003", "validFrom", "2023-02-01"));
        http.post(
                base + "/TL/restrictions",
                REGISTRAR,
                Map.of("code", "002", "validFrom", "2023-03-01", "validTo", "2026-02-28"));
        assertThat(kinds(http.get("/hosp/api/v1/changes?after=" + start, PUBLIC).getBody(), person))
                .containsExactly("LICENCE_ISSUED", "RESTRICTION_ADDED", "RESTRICTION_ADDED");
        var withoutItemEight = http.get("/hosp/api/v1/changes?after=" + start, CONFIGURED_AUTHORITY)
                .getBody();
        assertThat(kinds(withoutItemEight, person))
                .as("limited prescribing (item 8) is not theirs")
                .containsExactly("LICENCE_ISSUED", "RESTRICTION_ADDED");
        assertThat(entries(withoutItemEight, person)
                        .get(1)
                        .get("restrictionCode")
                        .asText())
                .isEqualTo("002");
        var refused = http.get(
                "/hosp/api/v1/changes",
                HttpCalls.bearer("private-clinic", "PRIVATE_CARE_PROVIDER", "Privatkliniken AB", "hosp.read"));
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void auditsEveryPersonInAFeedPage() {
        var person = personWithout("TL", 2);
        var start = endOfFeed();
        http.post(
                "/hosp/api/v1/persons/" + person + "/licences",
                REGISTRAR,
                Map.of("professionCode", "TL", "licensedOn", "2018-06-01"));
        var requestId = "feed-" + UUID.randomUUID();
        http.get("/hosp/api/v1/changes?after=" + start, IVO, requestId);
        var rows = jdbc.queryForList(
                "select identity_number, access_kind, items::text as items from audit_entry " + "where request_id = ?",
                requestId);
        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.get("identity_number")).isEqualTo(person);
            assertThat(row.get("access_kind")).isEqualTo("CHANGE_FEED");
            assertThat(row.get("items")).isEqualTo("{1,3,6}");
        });
    }

    @Test
    void showsOnlyTheIdentityNumberForAChangeToAProtectedIdentity() {
        var start = endOfFeed();
        assertThat(http.post(
                                "/hosp/api/v1/persons/" + PROTECTED_IDENTITY + "/licences",
                                REGISTRAR,
                                Map.of("professionCode", "BM", "licensedOn", "2020-01-01"))
                        .getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        var entry = entries(http.get("/hosp/api/v1/changes?after=" + start, IVO).getBody(), PROTECTED_IDENTITY)
                .get(0);
        var fields = new ArrayList<String>();
        entry.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactlyInAnyOrder("cursor", "occurredAt", "identityNumber");
    }

    @Test
    void refusesASpecialistCertificateForAProfessionWithoutThem() {
        var nurse = personWith("SJ", 0);
        var before = events();
        var answer = http.post(
                "/hosp/api/v1/persons/" + nurse + "/licences/SJ/specialist-certificates",
                REGISTRAR,
                Map.of("specialityCode", "1099", "certifiedOn", "2024-01-15"));
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(answer.getBody().get("field").asText()).isEqualTo("professionCode");
        assertThat(answer.getBody().get("detail").asText()).contains("only to doctors (LK) and dentists (TL)");
        assertThat(events()).as("no event for a refused update").isEqualTo(before);
    }

    @Test
    void refusesToIssueALicenceTwiceOrToRevokeTwice() {
        var nurse = personWith("SJ", 1);
        var again = http.post(
                "/hosp/api/v1/persons/" + nurse + "/licences",
                REGISTRAR,
                Map.of("professionCode", "SJ", "licensedOn", "2020-01-01"));
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        var revocation = "/hosp/api/v1/persons/" + nurse + "/licences/SJ/revocation";
        assertThat(http.post(
                                revocation,
                                REGISTRAR,
                                Map.of("revokedOn", LocalDate.now().toString()))
                        .getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        assertThat(http.post(
                                revocation,
                                REGISTRAR,
                                Map.of("revokedOn", LocalDate.now().toString()))
                        .getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);
    }

    @Test
    void validatesEveryUpdate() {
        var nurse = personWith("SJ", 2);
        var licences = "/hosp/api/v1/persons/" + nurse + "/licences";
        assertThat(http.post(
                                licences,
                                REGISTRAR,
                                Map.of(
                                        "professionCode",
                                        "LK",
                                        "licensedOn",
                                        LocalDate.now().plusDays(3).toString()))
                        .getStatusCode())
                .isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(http.post(licences, REGISTRAR, Map.of("professionCode", "XX", "licensedOn", "2020-01-01"))
                        .getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(http.post(licences, REGISTRAR, Map.of("professionCode", "LK"))
                        .getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(http.post(licences + "/LK/revocation", REGISTRAR, Map.of("revokedOn", "2024-01-01"))
                        .getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(http.post(licences + "/SJ/restrictions", REGISTRAR, Map.of("code", "001", "validFrom", "2024-01-01"))
                        .getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(http.post(
                                "/hosp/api/v1/persons/" + nurse + "/restrictions/999999999/lifting",
                                REGISTRAR,
                                Map.of("liftedOn", "2024-01-01"))
                        .getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        var unknown = http.post(
                "/hosp/api/v1/persons/192001010020/licences",
                REGISTRAR,
                Map.of("professionCode", "LK", "licensedOn", "2020-01-01"));
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(http.post(licences, IVO, Map.of("professionCode", "LK", "licensedOn", "2020-01-01"))
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void refusesACursorItDidNotHandOut() {
        var answer = http.get("/hosp/api/v1/changes?after=not-a-cursor", IVO);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getBody().get("field").asText()).isEqualTo("after");
        assertThat(http.get("/hosp/api/v1/changes?limit=0", IVO).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
    }

    private boolean licensed(String person, String profession) {
        var answer = http.post(
                "/hosp/api/v1/licence-checks",
                PUBLIC,
                Map.of("checks", List.of(Map.of("identityNumber", person, "professionCode", profession))));
        return answer.getBody().get("results").get(0).get("licensed").asBoolean();
    }

    private String endOfFeed() {
        return ChangeService.encode(
                jdbc.queryForObject("select coalesce(max(sequence), 0) from register_change", Long.class));
    }

    private long events() {
        return jdbc.queryForObject("select count(*) from register_change", Long.class);
    }

    /** A living, unprotected synthetic person without a licence in the profession; offset picks a different one. */
    private String personWithout(String profession, int offset) {
        return jdbc.queryForObject("""
                select identity_number from person p where not protected_identity and not deceased
                  and birth_date < '1990-01-01'
                  and not exists (select 1 from licence l where l.identity_number = p.identity_number
                      and l.profession_code = ?)
                order by identity_number offset ? limit 1
                """, String.class, profession, 100 + offset);
    }

    private String personWith(String profession, int offset) {
        return jdbc.queryForObject("""
                select p.identity_number from person p join licence l on l.identity_number = p.identity_number
                where not protected_identity and not deceased and l.profession_code = ?
                  and not exists (select 1 from restriction r where r.licence_id = l.id)
                order by p.identity_number desc offset ? limit 1
                """, String.class, profession, 100 + offset);
    }

    private static List<JsonNode> entries(JsonNode page, String person) {
        var found = new ArrayList<JsonNode>();
        page.get("changes").forEach(entry -> {
            if (entry.get("identityNumber").asText().equals(person)) {
                found.add(entry);
            }
        });
        return found;
    }

    private static List<String> kinds(JsonNode page, String person) {
        return entries(page, person).stream()
                .map(entry -> entry.get("kind").asText())
                .toList();
    }
}
