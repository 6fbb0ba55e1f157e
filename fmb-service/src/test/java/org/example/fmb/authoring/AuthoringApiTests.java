package org.example.fmb.authoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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

class AuthoringApiTests extends IntegrationTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EDITOR = TestTokens.bearer("anna-editor", "fmb.write");
    private static final String OTHER_EDITOR = TestTokens.bearer("bo-editor", "fmb.write");
    private static final String REVIEWER = TestTokens.bearer("rita-reviewer", "fmb.review");
    private static final String EDITOR_AND_REVIEWER =
            TestTokens.bearer("anna-editor", "fmb.write fmb.review".split(" "));

    @Autowired
    TestRestTemplate http;

    @Autowired
    PublishedContentService published;

    record Answer(HttpStatus status, JsonNode body) {}

    @Test
    void editsADraftWhileThePublishedVersionIsServedAndPublishesItAfterReview() throws Exception {
        var draft = call(
                HttpMethod.POST,
                "/fmb/api/v1/authoring/diagnoses/546/versions",
                EDITOR,
                "{\"comment\":\"Ny evidens\"}");
        assertThat(draft.status()).isEqualTo(HttpStatus.CREATED);
        var number = draft.body().path("versionNumber").asInt();
        assertThat(draft.body().path("status").asText()).isEqualTo("DRAFT");

        var content = (ObjectNode) draft.body().path("content");
        ((ObjectNode) content.path("typicalCases").get(1)).put("maxValue", 9);
        var saved = call(
                HttpMethod.PUT,
                "/fmb/api/v1/authoring/diagnoses/546/versions/" + number,
                EDITOR,
                update(draft.body().path("lockVersion").asLong(), content, "548: 12 -> 9 months"));
        assertThat(saved.status()).isEqualTo(HttpStatus.OK);

        assertThat(maxOfTypicalCase("548")).isEqualTo("12");
        var servedBefore = http.exchange(
                RequestEntity.get("/fmb/api/v1/diagnoses/by-code/F43.8")
                        .accept(MediaType.APPLICATION_JSON)
                        .build(),
                String.class);
        assertThat(JSON.readTree(servedBefore.getBody()).path("version").asInt())
                .isEqualTo(number - 1);

        var submitted = call(
                HttpMethod.POST,
                "/fmb/api/v1/authoring/diagnoses/546/versions/" + number + "/submission",
                EDITOR,
                "{}");
        assertThat(submitted.status()).isEqualTo(HttpStatus.OK);
        assertThat(submitted.body().path("status").asText()).isEqualTo("IN_REVIEW");
        var approved = call(
                HttpMethod.POST,
                "/fmb/api/v1/authoring/diagnoses/546/versions/" + number + "/approval",
                REVIEWER,
                "{\"comment\":\"OK\"}");
        assertThat(approved.body().path("status").asText()).isEqualTo("APPROVED");
        var publication = call(
                HttpMethod.POST,
                "/fmb/api/v1/authoring/diagnoses/546/versions/" + number + "/publication",
                REVIEWER,
                "{}");
        assertThat(publication.status()).isEqualTo(HttpStatus.OK);

        assertThat(maxOfTypicalCase("548")).isEqualTo("9");
        var servedAfter = http.exchange(
                RequestEntity.get("/fmb/api/v1/diagnoses/by-code/F43.8")
                        .accept(MediaType.APPLICATION_JSON)
                        .build(),
                String.class);
        var served = JSON.readTree(servedAfter.getBody());
        assertThat(served.path("version").asInt()).isEqualTo(number);
        assertThat(served.path("typicalCases")
                        .get(1)
                        .path("recommendedSickLeave")
                        .path("maxValue")
                        .asInt())
                .isEqualTo(9);
        assertThat(servedAfter.getHeaders().getETag())
                .isNotEqualTo(servedBefore.getHeaders().getETag());
        var check = http.exchange(
                RequestEntity.post("/fmb/api/v1/sick-leave-checks")
                        .contentType(MediaType.APPLICATION_JSON)
                        .header("Authorization", TestTokens.bearer("webcert", "fmb.read"))
                        .body(
                                "{\"icd10Codes\":[\"F43.8\"],\"periods\":[{\"from\":\"2026-01-01\",\"to\":\"2026-12-31\",\"degree\":100}]}"),
                String.class);
        assertThat(JSON.readTree(check.getBody()).path("recommendedMaximumDays").asInt())
                .isEqualTo(9 * 31);

        var history = call(HttpMethod.GET, "/fmb/api/v1/authoring/diagnoses/546/versions", EDITOR, null);
        assertThat(history.body().get(0).path("events").findValuesAsText("action"))
                .containsExactly("CREATED", "REVISED", "SUBMITTED", "APPROVED", "PUBLISHED");
        assertThat(history.body().get(0).path("events").findValuesAsText("actor"))
                .contains("anna-editor", "rita-reviewer");
        assertThat(history.body().get(1).path("validTo").asText())
                .isEqualTo(LocalDate.now(ZoneId.of("Europe/Stockholm")).toString());

        var diff = call(
                HttpMethod.GET,
                "/fmb/api/v1/authoring/diagnoses/546/diff?from=" + (number - 1) + "&to=" + number,
                EDITOR,
                null);
        var changed = diff.body().path("typicalCases").findValuesAsText("change");
        assertThat(changed).containsExactly("UNCHANGED", "CHANGED");
        assertThat(diff.body()
                        .path("typicalCases")
                        .get(1)
                        .path("fields")
                        .get(0)
                        .path("section")
                        .asText())
                .isEqualTo("maxValue");
    }

    @Test
    void refusesASaveBasedOnAStaleLockVersion() throws Exception {
        var draft = call(HttpMethod.POST, "/fmb/api/v1/authoring/diagnoses/10/versions", EDITOR, null);
        var path = "/fmb/api/v1/authoring/diagnoses/10/versions/"
                + draft.body().path("versionNumber").asInt();
        var lock = draft.body().path("lockVersion").asLong();
        var content = draft.body().path("content");

        assertThat(call(HttpMethod.PUT, path, EDITOR, update(lock, content, "first"))
                        .status())
                .isEqualTo(HttpStatus.OK);
        var second = call(HttpMethod.PUT, path, OTHER_EDITOR, update(lock, content, "second"));

        assertThat(second.status()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(second.body().path("detail").asText())
                .contains("anna-editor")
                .contains("Reload");
    }

    @Test
    void listsErrorsPerFieldBeforeReview() throws Exception {
        UNKNOWN_CODES.add("b999");
        var draft = call(HttpMethod.POST, "/fmb/api/v1/authoring/diagnoses/1/versions", EDITOR, null);
        var path = "/fmb/api/v1/authoring/diagnoses/1/versions/"
                + draft.body().path("versionNumber").asInt();
        var content = (ObjectNode) draft.body().path("content");
        content.put("insuranceMedicalInformation", "")
                .put("symptomsPrognosisTreatment", "<p> </p>")
                .putNull("functionalImpairment")
                .put("activityLimitation", " ");
        var icf = JSON.createObjectNode().put("kod", "b999").put("beskrivning", "påhittad");
        ((com.fasterxml.jackson.databind.node.ArrayNode) content.path("functionalImpairmentCentral")).add(icf);
        var cases = (com.fasterxml.jackson.databind.node.ArrayNode) content.path("typicalCases");
        ((ObjectNode) cases.get(0)).putNull("maxUnit");
        cases.add(((ObjectNode) cases.get(1).deepCopy()).putNull("fmbId"));
        call(
                HttpMethod.PUT,
                path,
                EDITOR,
                update(draft.body().path("lockVersion").asLong(), content, null));

        var submitted = call(HttpMethod.POST, path + "/submission", EDITOR, null);

        assertThat(submitted.status()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(submitted.body().path("errors").findValuesAsText("field"))
                .contains(
                        "insuranceMedicalInformation",
                        "symptomsPrognosisTreatment",
                        "functionalImpairment",
                        "activityLimitation",
                        "functionalImpairmentCentral["
                                + (content.path("functionalImpairmentCentral").size() - 1) + "]",
                        "typicalCases[0].maxUnit",
                        "typicalCases[" + (cases.size() - 1) + "]");
    }

    @Test
    void warnsWhenCodesCannotBeVerifiedAndKeepsTheFourEyesRule() throws Exception {
        var draft = call(HttpMethod.POST, "/fmb/api/v1/authoring/diagnoses/259/versions", EDITOR_AND_REVIEWER, null);
        var path = "/fmb/api/v1/authoring/diagnoses/259/versions/"
                + draft.body().path("versionNumber").asInt();
        codeServerDown = true;

        var submitted = call(HttpMethod.POST, path + "/submission", EDITOR_AND_REVIEWER, null);
        assertThat(submitted.status()).isEqualTo(HttpStatus.OK);
        assertThat(submitted.body().path("warnings").get(0).asText()).contains("could not be verified");

        var selfApproval = call(HttpMethod.POST, path + "/approval", EDITOR_AND_REVIEWER, null);
        assertThat(selfApproval.status()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(selfApproval.body().path("detail").asText()).contains("Four-eyes");

        var returned = call(HttpMethod.POST, path + "/return", REVIEWER, "{\"comment\":\"Förtydliga typfall 262\"}");
        assertThat(returned.body().path("status").asText()).isEqualTo("DRAFT");
        assertThat(returned.body().path("events").findValuesAsText("comment")).contains("Förtydliga typfall 262");
        assertThat(call(HttpMethod.POST, "/fmb/api/v1/authoring/diagnoses/259/versions", EDITOR, null)
                        .status())
                .isEqualTo(HttpStatus.CONFLICT);
    }

    @Test
    void switchesToAVersionPublishedForALaterDateOnThatDay() throws Exception {
        var draft = call(HttpMethod.POST, "/fmb/api/v1/authoring/diagnoses/6/versions", EDITOR, null);
        var number = draft.body().path("versionNumber").asInt();
        var path = "/fmb/api/v1/authoring/diagnoses/6/versions/" + number;
        var content = (ObjectNode) draft.body().path("content");
        content.put("insuranceMedicalInformation", "<p>Ny text</p>")
                .put("symptomsPrognosisTreatment", "<p>Symtom</p>")
                .put("functionalImpairment", "Nedsatt funktion")
                .put("activityLimitation", "Begränsad aktivitet");
        call(
                HttpMethod.PUT,
                path,
                EDITOR,
                update(draft.body().path("lockVersion").asLong(), content, null));
        assertThat(call(HttpMethod.POST, path + "/submission", EDITOR, null).status())
                .isEqualTo(HttpStatus.OK);
        call(HttpMethod.POST, path + "/approval", REVIEWER, null);
        var inTenDays = LocalDate.now(ZoneId.of("Europe/Stockholm")).plusDays(10);
        var scheduled = call(HttpMethod.POST, path + "/publication", REVIEWER, "{\"validFrom\":\"" + inTenDays + "\"}");
        assertThat(scheduled.body().path("validFrom").asText()).isEqualTo(inTenDays.toString());

        assertThat(servedVersionOf(6)).isEqualTo(number - 1);
        try {
            CLOCK.advance(Duration.ofDays(10));
            published.refresh();
            assertThat(servedVersionOf(6)).isEqualTo(number);
        } finally {
            CLOCK.advance(Duration.ofDays(-10));
            published.refresh();
        }
    }

    @Test
    void retiresADiagnosisFromADateSoItIsNoLongerServedThen() throws Exception {
        var tomorrow = LocalDate.now(ZoneId.of("Europe/Stockholm")).plusDays(1);
        var proposed = call(
                HttpMethod.POST,
                "/fmb/api/v1/authoring/diagnoses/13/retirement",
                REVIEWER,
                "{\"validFrom\":\"" + tomorrow + "\",\"comment\":\"Ersatt av annan diagnosrubrik\"}");
        assertThat(proposed.status()).isEqualTo(HttpStatus.OK);
        var retired = call(
                HttpMethod.POST,
                "/fmb/api/v1/authoring/diagnoses/13/versions/"
                        + proposed.body().path("versionNumber").asInt() + "/approval",
                TestTokens.bearer("sven-reviewer", "fmb.review"),
                null);
        assertThat(retired.status()).isEqualTo(HttpStatus.OK);
        assertThat(retired.body().path("status").asText()).isEqualTo("RETIRED");
        assertThat(retired.body().path("validFrom").asText()).isEqualTo(tomorrow.toString());
        assertThat(http.getForEntity("/fmb/api/v1/diagnoses/13", String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        try {
            CLOCK.advance(Duration.ofDays(1));
            published.refresh();
            assertThat(http.getForEntity("/fmb/api/v1/diagnoses/13", String.class)
                            .getStatusCode())
                    .isEqualTo(HttpStatus.NOT_FOUND);
        } finally {
            CLOCK.advance(Duration.ofDays(-1));
            published.refresh();
        }
    }

    @Test
    void refusesToStoreADraftWithoutTitleOrCodes() throws Exception {
        var draft = call(HttpMethod.POST, "/fmb/api/v1/authoring/diagnoses/17/versions", EDITOR, null);
        var content = (ObjectNode) draft.body().path("content");
        content.put("title", " ");
        ((ObjectNode) content.path("icd10Codes").get(0)).putNull("kod");
        var saved = call(
                HttpMethod.PUT,
                "/fmb/api/v1/authoring/diagnoses/17/versions/"
                        + draft.body().path("versionNumber").asInt(),
                EDITOR,
                update(draft.body().path("lockVersion").asLong(), content, null));

        assertThat(saved.status()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(saved.body().path("errors").findValuesAsText("field")).contains("title", "icd10Codes[0].kod");
        var broken = call(
                HttpMethod.PUT,
                "/fmb/api/v1/authoring/diagnoses/17/versions/"
                        + draft.body().path("versionNumber").asInt(),
                EDITOR,
                "{\"lockVersion\": \"x\"}");
        assertThat(broken.status()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void keepsEditingAndReviewingApartByScope() {
        assertThat(call(HttpMethod.POST, "/fmb/api/v1/authoring/diagnoses/8/versions", REVIEWER, null)
                        .status())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(call(HttpMethod.POST, "/fmb/api/v1/authoring/diagnoses/8/versions/1/approval", EDITOR, null)
                        .status())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(call(HttpMethod.GET, "/fmb/api/v1/authoring/diagnoses", null, null)
                        .status())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(call(HttpMethod.GET, "/fmb/api/v1/authoring/diagnoses/424242/versions", EDITOR, null)
                        .status())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void runsTheGeneralPrinciplesThroughTheSameWorkflow() throws Exception {
        var draft = call(HttpMethod.POST, "/fmb/api/v1/authoring/principles/versions", EDITOR, null);
        var number = draft.body().path("versionNumber").asInt();
        var path = "/fmb/api/v1/authoring/principles/versions/" + number;
        var body = JSON.createObjectNode()
                .put("lockVersion", draft.body().path("lockVersion").asLong())
                .put("title", "Övergripande principer för sjukskrivning")
                .put("markup", "<p>Sjukskrivning är en del av vården.</p>");
        assertThat(call(HttpMethod.PUT, path, EDITOR, body.toString()).status()).isEqualTo(HttpStatus.OK);
        var script = JSON.createObjectNode()
                .put("lockVersion", draft.body().path("lockVersion").asLong() + 1)
                .put("title", "x")
                .put("markup", "<script>alert(1)</script>");
        assertThat(call(HttpMethod.PUT, path, EDITOR, script.toString()).status())
                .isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        call(HttpMethod.POST, path + "/submission", EDITOR, null);
        assertThat(call(HttpMethod.POST, path + "/approval", REVIEWER, null)
                        .body()
                        .path("status")
                        .asText())
                .isEqualTo("APPROVED");
        call(HttpMethod.POST, path + "/publication", REVIEWER, null);

        var served = JSON.readTree(http.getForObject("/fmb/api/v1/principles", String.class));
        assertThat(served.path("version").asInt()).isEqualTo(number);
        assertThat(served.path("markup").asText()).contains("del av vården");
    }

    @Test
    void publishingThePrinciplesOnTheDayTheCurrentVersionStartsLeavesOneVersionServed() throws Exception {
        var first = publishPrinciples("<p>Första texten i dag.</p>");
        var second = publishPrinciples("<p>Andra texten samma dag.</p>");

        var history = call(HttpMethod.GET, "/fmb/api/v1/authoring/principles/versions", EDITOR, null)
                .body();
        var stillValid = new java.util.ArrayList<Integer>();
        for (var version : history) {
            if (version.path("status").asText().equals("PUBLISHED")
                    && version.path("validTo").isNull()) {
                stillValid.add(version.path("versionNumber").asInt());
            }
            if (version.path("versionNumber").asInt() == first) {
                assertThat(version.path("validTo").asText())
                        .isEqualTo(version.path("validFrom").asText());
            }
        }
        assertThat(stillValid).containsExactly(second);
        var served = JSON.readTree(http.getForObject("/fmb/api/v1/principles", String.class));
        assertThat(served.path("version").asInt()).isEqualTo(second);
        assertThat(served.path("markup").asText()).contains("Andra texten");
    }

    private int publishPrinciples(String markup) {
        var draft = call(HttpMethod.POST, "/fmb/api/v1/authoring/principles/versions", EDITOR, null);
        var number = draft.body().path("versionNumber").asInt();
        var path = "/fmb/api/v1/authoring/principles/versions/" + number;
        var body = JSON.createObjectNode()
                .put("lockVersion", draft.body().path("lockVersion").asLong())
                .put("title", "Övergripande principer för sjukskrivning")
                .put("markup", markup);
        assertThat(call(HttpMethod.PUT, path, EDITOR, body.toString()).status()).isEqualTo(HttpStatus.OK);
        assertThat(call(HttpMethod.POST, path + "/submission", EDITOR, null).status())
                .isEqualTo(HttpStatus.OK);
        assertThat(call(HttpMethod.POST, path + "/approval", REVIEWER, null).status())
                .isEqualTo(HttpStatus.OK);
        assertThat(call(HttpMethod.POST, path + "/publication", REVIEWER, null).status())
                .isEqualTo(HttpStatus.OK);
        return number;
    }

    private int servedVersionOf(long id) throws Exception {
        return JSON.readTree(http.getForObject("/fmb/api/v1/diagnoses/" + id, String.class))
                .path("version")
                .asInt();
    }

    private String maxOfTypicalCase(String id) throws Exception {
        return JSON.readTree(http.getForObject("/fmb/typfall/" + id, String.class))
                .path("data")
                .path("attributes")
                .path("rekommenderadsjukskrivning")
                .path("maximalsjukskrivningstid")
                .asText();
    }

    private static String update(long lock, JsonNode content, String comment) {
        var body = JSON.createObjectNode().put("lockVersion", lock);
        body.set("content", content);
        body.put("comment", comment);
        return body.toString();
    }

    private Answer call(HttpMethod method, String path, String token, String body) {
        var request = RequestEntity.method(method, path).contentType(MediaType.APPLICATION_JSON);
        if (token != null) {
            request.header("Authorization", token);
        }
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
