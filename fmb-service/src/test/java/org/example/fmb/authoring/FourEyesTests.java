package org.example.fmb.authoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import org.example.fmb.IntegrationTestSupport;
import org.example.fmb.content.PublishedContentService;
import org.example.platform.security.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.RequestEntity;

/** Issue 17, finding 11: retirement takes a second person, and one person's identities count once. */
class FourEyesTests extends IntegrationTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The demo configuration maps the pages' user "reviewer" and the client "fmb-reviewer" to one person. */
    private static final String REVIEWER_USER = TestTokens.bearer("reviewer", "fmb.review");

    private static final String REVIEWER_CLIENT = TestTokens.bearer("fmb-reviewer", "fmb.review");
    private static final String OTHER_REVIEWER = TestTokens.bearer("rita-reviewer", "fmb.review");
    private static final String EDITOR_CLIENT = TestTokens.bearer("fmb-editor", "fmb.write");
    private static final String EDITOR_USER_AS_REVIEWER = TestTokens.bearer("editor", "fmb.review");

    @Autowired
    TestRestTemplate http;

    @Autowired
    PublishedContentService published;

    record Answer(HttpStatus status, JsonNode body) {}

    @Test
    void retiresAPublishedDiagnosisOnlyWhenASecondPersonConfirms() {
        var tomorrow = LocalDate.now(ZoneId.of("Europe/Stockholm")).plusDays(1);
        var proposal = call(
                HttpMethod.POST,
                "/fmb/api/v1/authoring/diagnoses/15/retirement",
                REVIEWER_USER,
                "{\"validFrom\":\"" + tomorrow + "\",\"comment\":\"Ersatt av annan diagnosrubrik\"}");
        assertThat(proposal.status()).isEqualTo(HttpStatus.OK);
        assertThat(proposal.body().path("status").asText()).isEqualTo("RETIREMENT_PROPOSED");
        var path = "/fmb/api/v1/authoring/diagnoses/15/versions/"
                + proposal.body().path("versionNumber").asInt();

        var alone = call(HttpMethod.POST, path + "/approval", REVIEWER_USER, null);
        var asClient = call(HttpMethod.POST, path + "/approval", REVIEWER_CLIENT, null);
        assertThat(alone.status()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(asClient.status()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(asClient.body().path("detail").asText()).contains("Four-eyes", "demo-reviewer", "proposed retiring");
        assertThat(call(HttpMethod.POST, "/fmb/api/v1/authoring/diagnoses/15/versions", EDITOR_CLIENT, null)
                        .status())
                .as("no draft beside a pending retirement")
                .isEqualTo(HttpStatus.CONFLICT);

        var confirmed = call(HttpMethod.POST, path + "/approval", OTHER_REVIEWER, "{\"comment\":\"Instämmer\"}");
        assertThat(confirmed.status()).isEqualTo(HttpStatus.OK);
        assertThat(confirmed.body().path("status").asText()).isEqualTo("RETIRED");
        assertThat(confirmed.body().path("events").findValuesAsText("action"))
                .containsExactly("RETIREMENT_PROPOSED", "RETIRED");
        assertThat(confirmed.body().path("events").findValuesAsText("actor"))
                .containsExactly("reviewer", "rita-reviewer");
        assertThat(http.getForEntity("/fmb/api/v1/diagnoses/15", String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        try {
            CLOCK.advance(Duration.ofDays(1));
            published.refresh();
            assertThat(http.getForEntity("/fmb/api/v1/diagnoses/15", String.class)
                            .getStatusCode())
                    .isEqualTo(HttpStatus.NOT_FOUND);
        } finally {
            CLOCK.advance(Duration.ofDays(-1));
            published.refresh();
        }
    }

    @Test
    void keepsTheDiagnosisServedWhenTheSecondPersonTurnsARetirementDown() {
        var proposal = call(
                HttpMethod.POST,
                "/fmb/api/v1/authoring/diagnoses/20/retirement",
                OTHER_REVIEWER,
                "{\"comment\":\"Slås ihop med 23\"}");
        assertThat(proposal.body().path("status").asText()).isEqualTo("RETIREMENT_PROPOSED");
        assertThat(http.getForEntity("/fmb/api/v1/diagnoses/20", String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        var path = "/fmb/api/v1/authoring/diagnoses/20/versions/"
                + proposal.body().path("versionNumber").asInt();

        var declined = call(HttpMethod.POST, path + "/return", REVIEWER_CLIENT, "{\"comment\":\"Inte ännu\"}");

        assertThat(declined.status()).isEqualTo(HttpStatus.OK);
        assertThat(declined.body().path("status").asText()).isEqualTo("WITHDRAWN");
        assertThat(call(HttpMethod.POST, path + "/approval", REVIEWER_CLIENT, null)
                        .status())
                .isEqualTo(HttpStatus.CONFLICT);
        assertThat(http.getForEntity("/fmb/api/v1/diagnoses/20", String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        var draft = call(HttpMethod.POST, "/fmb/api/v1/authoring/diagnoses/20/versions", EDITOR_CLIENT, null);
        assertThat(draft.status()).as("the diagnosis can be edited again").isEqualTo(HttpStatus.CREATED);
    }

    @Test
    void countsAClientAndAUserOfTheSamePersonAsOneWhenApprovingAVersion() {
        var draft = call(HttpMethod.POST, "/fmb/api/v1/authoring/diagnoses/110/versions", EDITOR_CLIENT, null);
        var path = "/fmb/api/v1/authoring/diagnoses/110/versions/"
                + draft.body().path("versionNumber").asInt();
        assertThat(call(HttpMethod.POST, path + "/submission", EDITOR_CLIENT, null)
                        .status())
                .isEqualTo(HttpStatus.OK);

        var samePerson = call(HttpMethod.POST, path + "/approval", EDITOR_USER_AS_REVIEWER, null);

        assertThat(samePerson.status()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(samePerson.body().path("detail").asText()).contains("Four-eyes", "editor (demo-editor)");
        var other = call(HttpMethod.POST, path + "/approval", OTHER_REVIEWER, null);
        assertThat(other.body().path("status").asText()).isEqualTo("APPROVED");
    }

    private Answer call(HttpMethod method, String path, String token, String body) {
        var request = RequestEntity.method(method, path)
                .contentType(MediaType.APPLICATION_JSON)
                .header("Authorization", token);
        var response = body == null
                ? http.exchange(request.build(), String.class)
                : http.exchange(request.body(body), String.class);
        try {
            return new Answer(
                    HttpStatus.valueOf(response.getStatusCode().value()),
                    response.getBody() == null ? JSON.nullNode() : JSON.readTree(response.getBody()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
