package org.example.hosp.directaccess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.example.hosp.DemoPersonNumbers.DECEASED_DOCTOR;
import static org.example.hosp.DemoPersonNumbers.DENTIST_ON_TRIAL_PERIOD;
import static org.example.hosp.DemoPersonNumbers.DOCTOR_WITH_LIMITED_PRESCRIBING;
import static org.example.hosp.DemoPersonNumbers.NURSE_AND_MIDWIFE;
import static org.example.hosp.DemoPersonNumbers.NURSE_WITH_REVOKED_LICENCE;
import static org.example.hosp.DemoPersonNumbers.PHYSIOTHERAPIST_WITH_SAMORDNINGSNUMMER;
import static org.example.hosp.DemoPersonNumbers.PROTECTED_IDENTITY;
import static org.example.hosp.DemoPersonNumbers.SPECIALIST_DOCTOR;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.example.hosp.HospIntegrationTest;
import org.example.hosp.HttpCalls;
import org.example.hosp.identity.IdentityNumber;
import org.example.platform.security.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** Direct access over HTTP with real tokens, one actor type at a time, on the loaded demo and synthetic persons. */
@HospIntegrationTest
class DirectAccessIntegrationTests {

    static final String PUBLIC = HttpCalls.bearer("region-skane", "PUBLIC_CARE_PROVIDER", "Region Skåne", "hosp.read");
    static final String IVO = HttpCalls.bearer("ivo", "IVO", "Inspektionen för vård och omsorg", "hosp.read");
    static final String TRANSPORTSTYRELSEN =
            HttpCalls.bearer("transportstyrelsen", "TRANSPORTSTYRELSEN", "Transportstyrelsen", "hosp.read");
    /** An actor type the test configuration grants 1, 3 and 5–7, as Transportstyrelsen could be configured. */
    static final String CONFIGURED_AUTHORITY =
            HttpCalls.bearer("authority", "TEST_AUTHORITY", "Myndigheten", "hosp.read");

    static final String PRIVATE =
            HttpCalls.bearer("private-clinic", "PRIVATE_CARE_PROVIDER", "Privatkliniken AB", "hosp.read");
    static final String UNKNOWN_NUMBER =
            IdentityNumber.of(LocalDate.of(1920, 1, 1), 2, false).value();

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
    void showsAPublicCareProviderItemsOneThreeAndFiveToEightAndNothingElse() {
        var answer = http.get("/hosp/api/v1/persons/" + DOCTOR_WITH_LIMITED_PRESCRIBING, PUBLIC);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        var json = answer.getBody();
        assertThat(fields(json))
                .containsExactlyInAnyOrder(
                        "identityNumber",
                        "birthDate",
                        "givenName",
                        "familyName",
                        "sex",
                        "deceased",
                        "licences",
                        "specialistCertificates",
                        "restrictions",
                        "prescribing");
        assertThat(fields(json.get("licences").get(0)))
                .containsExactlyInAnyOrder("professionCode", "professionTitle", "licensedOn");
        assertThat(json.get("restrictions").get(0).get("code").asText()).isEqualTo("003");
        assertThat(json.get("prescribing").get("prescriberCode").asText()).isEqualTo("7000029");
    }

    @Test
    void showsIvoAllNineItems() {
        var json = http.get("/hosp/api/v1/persons/" + SPECIALIST_DOCTOR, IVO).getBody();
        assertThat(fields(json))
                .containsExactlyInAnyOrder(
                        "identityNumber",
                        "birthDate",
                        "givenName",
                        "familyName",
                        "sex",
                        "deceased",
                        "folkbokforingsort",
                        "licences",
                        "educations",
                        "specialistCertificates",
                        "restrictions",
                        "prescribing",
                        "administrative");
        assertThat(json.get("folkbokforingsort").asText()).isEqualTo("Uppsala");
        assertThat(json.get("specialistCertificates")).hasSize(2);
        assertThat(json.get("educations").get(0).get("school").asText()).isEqualTo("Uppsala universitet");
    }

    @Test
    void refusesTransportstyrelsenUntilItsItemsAreConfigured() {
        var lookup = http.get("/hosp/api/v1/persons/" + DOCTOR_WITH_LIMITED_PRESCRIBING, TRANSPORTSTYRELSEN);
        assertThat(lookup.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(lookup.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(lookup.getBody().get("detail").asText()).contains("TRANSPORTSTYRELSEN", "configured");
        assertThat(lookup.getBody().has("givenName")).isFalse();
        var checks = http.post(
                "/hosp/api/v1/licence-checks",
                TRANSPORTSTYRELSEN,
                Map.of("checks", List.of(check(SPECIALIST_DOCTOR, "LK"))));
        assertThat(checks.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.get("/hosp/api/v1/changes", TRANSPORTSTYRELSEN).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void showsAnActorTypeConfiguredWithItemsOneThreeAndFiveToSevenExactlyThose() {
        var json = http.get("/hosp/api/v1/persons/" + DOCTOR_WITH_LIMITED_PRESCRIBING, CONFIGURED_AUTHORITY)
                .getBody();
        assertThat(fields(json))
                .containsExactlyInAnyOrder(
                        "identityNumber",
                        "birthDate",
                        "givenName",
                        "familyName",
                        "sex",
                        "deceased",
                        "licences",
                        "specialistCertificates",
                        "restrictions");
        assertThat(json.get("restrictions")).as("limited prescribing is item 8").isEmpty();
        var dentist = http.get("/hosp/api/v1/persons/" + DENTIST_ON_TRIAL_PERIOD, CONFIGURED_AUTHORITY)
                .getBody();
        assertThat(dentist.get("restrictions").get(0).get("code").asText()).isEqualTo("002");
    }

    @Test
    void refusesAPrivateCareProviderWithAProblemNamingItsActorType() {
        var answer = http.get("/hosp/api/v1/persons/" + SPECIALIST_DOCTOR, PRIVATE);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(answer.getBody().get("detail").asText())
                .isEqualTo("Direct access to the HoSp register is not permitted for actor type PRIVATE_CARE_PROVIDER.");
        assertThat(answer.getBody().get("actorType").asText()).isEqualTo("PRIVATE_CARE_PROVIDER");
    }

    @Test
    void refusesCallersWithAnUnknownOrNoActorType() {
        var pharmacy = http.get(
                "/hosp/api/v1/persons/" + SPECIALIST_DOCTOR,
                HttpCalls.bearer("apoteket", "PHARMACY", "Apoteket", "hosp.read"));
        assertThat(pharmacy.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(pharmacy.getBody().get("detail").asText()).contains("actor type PHARMACY");
        var none = http.get(
                "/hosp/api/v1/persons/" + SPECIALIST_DOCTOR, HttpCalls.bearer("webcert", null, null, "hosp.read"));
        assertThat(none.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(none.getBody().get("detail").asText()).contains("without an actor type");
    }

    @Test
    void answers401WithoutATokenAnd403WithoutTheScope() {
        var anonymous = http.get("/hosp/api/v1/persons/" + SPECIALIST_DOCTOR, null);
        assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(anonymous.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        var wrongScope = http.get(
                "/hosp/api/v1/persons/" + SPECIALIST_DOCTOR,
                HttpCalls.bearer("region-skane", "PUBLIC_CARE_PROVIDER", "Region Skåne", "fmb.read"));
        assertThat(wrongScope.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        var checks = http.post(
                "/hosp/api/v1/licence-checks",
                TestTokens.bearer("fmb-editor", "fmb.write"),
                Map.of("checks", List.of(check(SPECIALIST_DOCTOR, "LK"))));
        assertThat(checks.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void showsOnlyTheMinimumOfAProtectedIdentityToEveryActor() {
        for (var token : List.of(PUBLIC, IVO, CONFIGURED_AUTHORITY)) {
            var json = http.get("/hosp/api/v1/persons/" + PROTECTED_IDENTITY, token)
                    .getBody();
            assertThat(fields(json)).containsExactlyInAnyOrder("identityNumber", "birthDate", "deceased");
            assertThat(json.get("birthDate").asText()).isEqualTo("1990-02-14");
        }
    }

    @Test
    void acceptsTheShortFormsAndAnswersWithTheTwelveDigitForm() {
        var json = http.get("/hosp/api/v1/persons/700312-2442", PUBLIC).getBody();
        assertThat(json.get("identityNumber").asText()).isEqualTo(SPECIALIST_DOCTOR);
        var samordning = http.get("/hosp/api/v1/persons/19910769-5315", PUBLIC).getBody();
        assertThat(samordning.get("identityNumber").asText()).isEqualTo(PHYSIOTHERAPIST_WITH_SAMORDNINGSNUMMER);
        assertThat(samordning.get("birthDate").asText()).isEqualTo("1991-07-09");
    }

    @Test
    void answers404ForAnUnknownNumberAnd400ForAMalformedOne() {
        var unknown = http.get("/hosp/api/v1/persons/" + UNKNOWN_NUMBER, PUBLIC);
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(unknown.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        var malformed = http.get("/hosp/api/v1/persons/197003122443", PUBLIC);
        assertThat(malformed.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(malformed.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(malformed.getBody().get("field").asText()).isEqualTo("identityNumber");
        assertThat(malformed.getBody().get("detail").asText())
                .contains("check digit")
                .doesNotContain("2443");
        assertThat(http.get("/hosp/api/v1/persons/hello", PUBLIC).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void answersForEachPairOnlyWhetherTheLicenceIsHeldNow() {
        var pairs = List.of(
                check(SPECIALIST_DOCTOR, "LK"),
                check(SPECIALIST_DOCTOR, "SJ"),
                check(NURSE_WITH_REVOKED_LICENCE, "SJ"),
                check(DENTIST_ON_TRIAL_PERIOD, "TL"),
                check(DECEASED_DOCTOR, "LK"),
                check(UNKNOWN_NUMBER, "LK"),
                check(PROTECTED_IDENTITY, "SJ"),
                check("880630-1480", "BM"),
                check(DOCTOR_WITH_LIMITED_PRESCRIBING, "LK"));
        var answer = http.post("/hosp/api/v1/licence-checks", PUBLIC, Map.of("checks", pairs));
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        var results = answer.getBody().get("results");
        assertThat(results).hasSize(9);
        var licensed = new ArrayList<Boolean>();
        results.forEach(result -> licensed.add(result.get("licensed").asBoolean()));
        assertThat(licensed).containsExactly(true, false, false, true, false, false, false, true, true);
        assertThat(fields(results.get(0))).containsExactlyInAnyOrder("identityNumber", "professionCode", "licensed");
        assertThat(results.get(7).get("identityNumber").asText()).isEqualTo(NURSE_AND_MIDWIFE);
    }

    @Test
    void answersAProtectedIdentityExactlyAsAnUnknownNumber() {
        for (var token : List.of(PUBLIC, IVO)) {
            for (var profession : List.of("SJ", "LK")) {
                var protectedAnswer = http.post(
                        "/hosp/api/v1/licence-checks",
                        token,
                        Map.of("checks", List.of(check(PROTECTED_IDENTITY, profession))));
                var unknownAnswer = http.post(
                        "/hosp/api/v1/licence-checks",
                        token,
                        Map.of("checks", List.of(check(UNKNOWN_NUMBER, profession))));
                assertThat(protectedAnswer.getStatusCode())
                        .isEqualTo(unknownAnswer.getStatusCode())
                        .isEqualTo(HttpStatus.OK);
                var result = (ObjectNode)
                        protectedAnswer.getBody().get("results").get(0).deepCopy();
                var unknown = (ObjectNode)
                        unknownAnswer.getBody().get("results").get(0).deepCopy();
                assertThat(result.remove("identityNumber").asText()).isEqualTo(PROTECTED_IDENTITY);
                unknown.remove("identityNumber");
                assertThat(result)
                        .as("the protected identity holds SJ, which must not show")
                        .isEqualTo(unknown);
                assertThat(result.get("licensed").asBoolean()).isFalse();
            }
        }
    }

    @Test
    void refusesAWildcardOrMultipartContentTypeWith415Not500() {
        for (var contentType : List.of("*/*", "multipart/form-data", "multipart/form-data; boundary=x")) {
            var headers = new HttpHeaders();
            headers.set(HttpHeaders.AUTHORIZATION, PUBLIC);
            headers.set(HttpHeaders.CONTENT_TYPE, contentType);
            var answer = rest.exchange(
                    "/hosp/api/v1/licence-checks",
                    HttpMethod.POST,
                    new HttpEntity<>(
                            "{\"checks\":[{\"identityNumber\":\"" + SPECIALIST_DOCTOR
                                    + "\",\"professionCode\":\"LK\"}]}",
                            headers),
                    JsonNode.class);
            assertThat(answer.getStatusCode()).as(contentType).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
            assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        }
    }

    @Test
    void neverEchoesTheIdentityNumberOfTheRequestInAProblem() {
        var unknown = http.get("/hosp/api/v1/persons/19121212-1212", PUBLIC);
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(unknown.getBody().toString()).doesNotContain("1212121212", "121212-1212");
        assertThat(unknown.getBody().get("instance").asText()).isEqualTo("/hosp/api/v1/persons/*");
        var anonymous = http.get("/hosp/api/v1/persons/19121212-1212", null);
        assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(anonymous.getBody().toString()).doesNotContain("1212121212", "121212-1212");
        var noSuchPath = http.get("/hosp/api/v1/persons/191212121212/anything", PUBLIC);
        assertThat(noSuchPath.getStatusCode().is4xxClientError()).isTrue();
        assertThat(noSuchPath.getBody().toString()).doesNotContain("191212121212");
        var registrar = http.post(
                "/hosp/api/v1/persons/" + UNKNOWN_NUMBER + "/licences",
                TestTokens.bearer("hosp-registrar", "hosp.write"),
                Map.of("professionCode", "SJ", "licensedOn", "2020-01-01"));
        assertThat(registrar.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(registrar.getBody().toString()).doesNotContain(UNKNOWN_NUMBER, UNKNOWN_NUMBER.substring(2));
    }

    @Test
    void refusesMoreThanAThousandChecks() {
        var pairs = IntStream.range(0, 1001)
                .mapToObj(i -> check(SPECIALIST_DOCTOR, "LK"))
                .toList();
        var answer = http.post("/hosp/api/v1/licence-checks", PUBLIC, Map.of("checks", pairs));
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getBody().get("errors").get(0).get("field").asText()).isEqualTo("checks");
        var empty = http.post("/hosp/api/v1/licence-checks", PUBLIC, Map.of("checks", List.of()));
        assertThat(empty.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void namesTheIndexOfEachMalformedCheck() {
        var pairs =
                List.of(check(SPECIALIST_DOCTOR, "LK"), check("197003122443", "LK"), check(SPECIALIST_DOCTOR, "XX"));
        var answer = http.post("/hosp/api/v1/licence-checks", PUBLIC, Map.of("checks", pairs));
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        var fields = new ArrayList<String>();
        answer.getBody()
                .get("errors")
                .forEach(error -> fields.add(error.get("field").asText()));
        assertThat(fields).containsExactly("checks[1].identityNumber", "checks[2].professionCode");
        var notJson = http.post("/hosp/api/v1/licence-checks", PUBLIC, "{\"checks\": [");
        assertThat(notJson.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void refusesLicenceChecksToAPrivateCareProvider() {
        var answer = http.post(
                "/hosp/api/v1/licence-checks", PRIVATE, Map.of("checks", List.of(check(SPECIALIST_DOCTOR, "LK"))));
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(answer.getBody().get("detail").asText()).contains("PRIVATE_CARE_PROVIDER");
    }

    @Test
    void checksAThousandSyntheticPersonsInOneRequest() {
        var numbers = jdbc.queryForList(
                "select identity_number from person order by identity_number limit 1000", String.class);
        var pairs = numbers.stream().map(number -> check(number, "SJ")).toList();
        ResponseEntity<JsonNode> answer = http.post("/hosp/api/v1/licence-checks", IVO, Map.of("checks", pairs));
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(answer.getBody().get("results")).hasSize(1000);
        var nurses = jdbc.queryForObject("""
                select count(*) from person p join licence l on l.identity_number = p.identity_number
                where l.profession_code = 'SJ' and not p.deceased and not p.protected_identity
                  and p.identity_number = any(?)
                  and not exists (select 1 from restriction r where r.licence_id = l.id and r.code = '001'
                    and r.valid_from <= current_date and (r.valid_to is null or r.valid_to >= current_date))
                """, Integer.class, (Object) numbers.toArray(String[]::new));
        var licensed = new int[1];
        answer.getBody()
                .get("results")
                .forEach(result -> licensed[0] += result.get("licensed").asBoolean() ? 1 : 0);
        assertThat(licensed[0]).isEqualTo(nurses).isPositive();
    }

    static Map<String, String> check(String identityNumber, String professionCode) {
        return Map.of("identityNumber", identityNumber, "professionCode", professionCode);
    }

    static List<String> fields(JsonNode json) {
        var names = new ArrayList<String>();
        json.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
