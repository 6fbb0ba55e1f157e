package org.example.fmb.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import org.example.fmb.IntegrationTestSupport;
import org.example.fmb.SecondReplica;
import org.example.platform.security.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.RequestEntity;

/**
 * Two replicas on one database, each serving the published content from memory, with their timers set to an hour so
 * that only the change notifications can tell the second replica of a step taken through the first.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublishedContentReplicasTests extends IntegrationTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    TestRestTemplate http;

    @Autowired
    ConfigurableApplicationContext first;

    @Autowired
    PublishedContentService published;

    private SecondReplica second;
    private final HttpClient client = HttpClient.newHttpClient();

    @BeforeAll
    void startSecondReplica() {
        second = SecondReplica.startLike(first);
    }

    @AfterAll
    void stopSecondReplica() {
        second.close();
    }

    @Test
    void servesADiagnosisPublishedThroughTheOtherReplicaWithinFiveSeconds() throws Exception {
        var before = servedBySecond("G35").path("version").asInt();

        var number = publish(128, null);

        assertThat(number).isGreaterThan(before);
        await().atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> servedBySecond("G35").path("version").asInt() == number);
    }

    @Test
    void aScheduledPublicationTakesEffectOnEveryReplicaOnItsDayAndIsRecordedOnce() throws Exception {
        var before = servedBySecond("G43").path("version").asInt();
        var tomorrow = LocalDate.now(CLOCK).plusDays(1);

        var number = publish(126, tomorrow);

        Thread.sleep(1_500); // long enough for a notification: still the old version until its day
        assertThat(servedBySecond("G43").path("version").asInt()).isEqualTo(before);
        try {
            CLOCK.advance(Duration.ofDays(1));
            assertThat(servedBySecond("G43").path("version").asInt()).isEqualTo(number);
            assertThat(servedByFirst("G43").path("version").asInt()).isEqualTo(number);
            var history = call(HttpMethod.GET, "/fmb/api/v1/authoring/diagnoses/126/versions", editor(), null);
            assertThat(history.get(0).path("events").findValuesAsText("action"))
                    .containsExactly("CREATED", "SUBMITTED", "APPROVED", "PUBLISHED");
        } finally {
            CLOCK.advance(Duration.ofDays(-1));
            published.refresh();
        }
    }

    /** Creates a new version of the diagnosis on the first replica, has it reviewed and publishes it. */
    private int publish(long diagnosis, LocalDate validFrom) throws Exception {
        var base = "/fmb/api/v1/authoring/diagnoses/" + diagnosis + "/versions";
        var draft = call(HttpMethod.POST, base, editor(), "{\"comment\":\"Ny evidens\"}");
        var number = draft.path("versionNumber").asInt();
        call(HttpMethod.POST, base + "/" + number + "/submission", editor(), "{}");
        call(HttpMethod.POST, base + "/" + number + "/approval", reviewer(), "{}");
        var publication = call(
                HttpMethod.POST,
                base + "/" + number + "/publication",
                reviewer(),
                validFrom == null ? "{}" : "{\"validFrom\":\"" + validFrom + "\"}");
        assertThat(publication.path("status").asText()).isEqualTo("PUBLISHED");
        return number;
    }

    private JsonNode call(HttpMethod method, String path, String token, String body) throws Exception {
        var request = RequestEntity.method(method, path)
                .header("Authorization", token)
                .contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.APPLICATION_JSON);
        var response = body == null
                ? http.exchange(request.build(), String.class)
                : http.exchange(request.body(body), String.class);
        assertThat(response.getStatusCode().is2xxSuccessful())
                .as("%s %s: %s", method, path, response.getBody())
                .isTrue();
        return JSON.readTree(response.getBody());
    }

    private JsonNode servedByFirst(String code) throws Exception {
        var response = http.getForEntity("/fmb/api/v1/diagnoses/by-code/" + code, String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return JSON.readTree(response.getBody());
    }

    private JsonNode servedBySecond(String code) throws Exception {
        var response = client.send(
                HttpRequest.newBuilder(URI.create(second.baseUrl() + "/fmb/api/v1/diagnoses/by-code/" + code))
                        .header("Accept", "application/json")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    // fresh tokens for every request: a test token lives five minutes, and the two starts may take longer on a busy
    // machine (a remembered token is refused the moment it expires)
    private static String editor() {
        return TestTokens.bearer("anna-editor", "fmb.write");
    }

    private static String reviewer() {
        return TestTokens.bearer("rita-reviewer", "fmb.review");
    }
}
