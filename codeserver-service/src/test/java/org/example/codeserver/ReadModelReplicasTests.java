package org.example.codeserver;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.example.platform.security.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.lang.Nullable;

/**
 * Two replicas on one database, with their timers set to an hour so that only the change notifications can tell the
 * second replica of a change made through the first: the stored FHIR resources (a ValueSet created, updated and
 * deleted) and a code system version's status.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"codes.index.refresh-interval=PT1H", "codes.resources.refresh-interval=PT1H"})
@Import(TestTokens.Config.class)
class ReadModelReplicasTests {

    private static final String VALUE_SET_URL = "http://example.org/fhir/ValueSet/replikatest-depression";
    private static final String VALUE_SET = """
            {
              "resourceType": "ValueSet",%s
              "url": "%s",
              "version": "%s",
              "name": "ReplikatestDepression",
              "status": "active",
              "compose": {
                "include": [{
                  "system": "http://socialstyrelsen.se/fhir/CodeSystem/icd-10-se",
                  "concept": [%s]
                }]
              }
            }
            """;

    private static final String CODE_SYSTEM = """
            {
              "resourceType": "CodeSystem",
              "id": "replikatest-status",
              "url": "http://example.org/fhir/CodeSystem/replikatest-status",
              "version": "1",
              "name": "ReplikatestStatus",
              "status": "active",
              "content": "complete",
              "concept": [{"code": "A", "display": "A"}]
            }
            """;

    private static SecondReplica second;

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate database;

    private final HttpClient client = HttpClient.newHttpClient();

    @BeforeAll
    static void startSecondReplica() {
        second = SecondReplica.start("codes.index.refresh-interval=PT1H", "codes.resources.refresh-interval=PT1H");
    }

    @AfterAll
    static void stopSecondReplica() {
        second.close();
    }

    @Test
    void servesAValueSetCreatedUpdatedAndDeletedThroughTheOtherReplicaWithinFiveSeconds() throws Exception {
        assertThat(onSecond("/fhir/ValueSet?url=" + VALUE_SET_URL).body()).contains("\"total\":0");

        var created = writeOnFirst(HttpMethod.POST, "/fhir/ValueSet", valueSet(null, "1.0", "{\"code\": \"F321\"}"));
        assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(HttpStatus.CREATED);
        var path = "/fhir/ValueSet/"
                + new ObjectMapper().readTree(created.getBody()).path("id").asText();

        await().atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> onSecond(path).statusCode() == 200);
        assertThat(onSecond("/fhir/ValueSet/$expand?url=" + VALUE_SET_URL).body())
                .contains("\"code\":\"F321\"")
                .doesNotContain("\"code\":\"F332\"");

        var updated = writeOnFirst(
                HttpMethod.PUT,
                path,
                valueSet(
                        path.substring(path.lastIndexOf('/') + 1),
                        "2.0",
                        "{\"code\": \"F321\"}, {\"code\": \"F332\"}"));
        assertThat(updated.getStatusCode()).as(updated.getBody()).isEqualTo(HttpStatus.OK);

        await().atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> onSecond("/fhir/ValueSet/$expand?url=" + VALUE_SET_URL)
                        .body()
                        .contains("\"code\":\"F332\""));
        assertThat(onSecond(path).body()).contains("\"version\":\"2.0\"");
        assertThat(onSecond("/fhir/ValueSet/$validate-code?url=" + VALUE_SET_URL
                                + "&system=http://socialstyrelsen.se/fhir/CodeSystem/icd-10-se&code=F332")
                        .body())
                .contains("\"name\":\"result\",\"valueBoolean\":true");

        var deleted = writeOnFirst(HttpMethod.DELETE, path, null);
        assertThat(deleted.getStatusCode().is2xxSuccessful())
                .as(deleted.getBody())
                .isTrue();

        await().atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> onSecond(path).statusCode() == 404);
    }

    @Test
    void servesACodeSystemVersionRetiredElsewhereAsRetiredWithinFiveSeconds() throws Exception {
        var imported = CodeSystemUploads.upload(http, "replikatest-status.json", CODE_SYSTEM);
        assertThat(imported.getStatusCode()).as(imported.getBody()).isEqualTo(HttpStatus.CREATED);
        await().atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> statusOnSecond().contains("\"status\":\"ACTIVE\""));

        // No API changes a stored version's status: an operator does it in the database both replicas share.
        var retired = database.update("update code_system_version set status = 'RETIRED' where code_system_id ="
                + " (select id from code_system where url = 'http://example.org/fhir/CodeSystem/replikatest-status')");
        assertThat(retired).isEqualTo(1);

        await().atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> statusOnSecond().contains("\"status\":\"RETIRED\""));
        await().atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> http.getForObject("/codes/api/v1/code-systems/replikatest-status", String.class)
                        .contains("\"status\":\"RETIRED\""));
    }

    private String statusOnSecond() throws Exception {
        return onSecond("/codes/api/v1/code-systems/replikatest-status").body();
    }

    private String valueSet(@Nullable String id, String version, String concepts) {
        return VALUE_SET.formatted(id == null ? "" : "\"id\": \"" + id + "\",", VALUE_SET_URL, version, concepts);
    }

    private org.springframework.http.ResponseEntity<String> writeOnFirst(HttpMethod method, String path, String json) {
        var headers = new HttpHeaders();
        headers.set(HttpHeaders.CONTENT_TYPE, "application/fhir+json");
        headers.set(HttpHeaders.AUTHORIZATION, TestTokens.bearer("terminology-admin", "codes.write"));
        return http.exchange(path, method, new HttpEntity<>(json, headers), String.class);
    }

    private HttpResponse<String> onSecond(String path) throws Exception {
        return client.send(
                HttpRequest.newBuilder(URI.create(second.baseUrl() + path))
                        .header("Accept", "application/fhir+json, application/json")
                        .build(),
                HttpResponse.BodyHandlers.ofString(UTF_8));
    }
}
