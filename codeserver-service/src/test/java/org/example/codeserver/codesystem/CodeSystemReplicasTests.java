package org.example.codeserver.codesystem;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.example.codeserver.CodeSystemUploads;
import org.example.codeserver.SecondReplica;
import org.example.platform.security.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;

/**
 * Two replicas on one database, each holding the code systems in memory, the second with its timer set to an hour so
 * that only the change notifications can tell it of an import through the first. The first is the context the other
 * tests share (its own timer plays no part), so this class starts one application, not two.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestTokens.Config.class)
class CodeSystemReplicasTests {

    private static final String CODE_SYSTEM = """
            {
              "resourceType": "CodeSystem",
              "id": "replikatest",
              "url": "http://example.org/fhir/CodeSystem/replikatest",
              "version": "1",
              "name": "Replikatest",
              "title": "Replikatest",
              "status": "active",
              "content": "complete",
              "concept": [
                {"code": "ETT", "display": "Ett"},
                {"code": "TVA", "display": "Två"}
              ]
            }
            """;

    private static SecondReplica second;

    @Autowired
    TestRestTemplate http;

    private final HttpClient client = HttpClient.newHttpClient();

    @BeforeAll
    static void startSecondReplica() {
        second = SecondReplica.start("codes.index.refresh-interval=PT1H");
    }

    @AfterAll
    static void stopSecondReplica() {
        second.close();
    }

    @Test
    void servesACodeSystemImportedThroughTheOtherReplicaWithinFiveSeconds() throws Exception {
        assertThat(conceptOnSecond("TVA").statusCode()).isEqualTo(404);

        var imported = CodeSystemUploads.upload(http, "replikatest.json", CODE_SYSTEM);
        assertThat(imported.getStatusCode()).as(imported.getBody()).isEqualTo(HttpStatus.CREATED);

        await().atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> conceptOnSecond("TVA").statusCode() == 200);
        assertThat(conceptOnSecond("TVA").body()).contains("\"display\":\"Två\"");
    }

    private HttpResponse<String> conceptOnSecond(String code) throws Exception {
        return client.send(
                HttpRequest.newBuilder(URI.create(
                                second.baseUrl() + "/codes/api/v1/code-systems/replikatest/concepts/" + code))
                        .header("Accept", "application/json")
                        .build(),
                HttpResponse.BodyHandlers.ofString(UTF_8));
    }
}
