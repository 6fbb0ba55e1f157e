package org.example.fmb.adherence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;
import org.example.fmb.IntegrationTestSupport;
import org.example.fmb.sickleave.SickLeaveCheckService;
import org.example.platform.security.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.RequestEntity;
import org.springframework.http.ResponseEntity;

/** Uploads of anonymised sick-leave episodes over HTTP, into the real PostgreSQL, and the figures they give. */
class AdherenceTests extends IntegrationTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ANALYST = TestTokens.bearer("fmb-analyst", "fmb.analyse");
    private static final String EDITOR = TestTokens.bearer("fmb-editor", "fmb.write");
    private static final String HEADER = "icd10_code,start,end,degree,sex,age_band,region\n";

    @Autowired
    TestRestTemplate http;

    @Autowired
    SickLeaveCheckService recommendations;

    @Test
    void givesLengthPercentilesAndTheShareWithinTheMaximumPerDiagnosisRegionAndMonth() throws Exception {
        var f32 = recommendations.recommendationFor("F32.1");
        int max = f32.maximumDays();
        assertThat(max).isGreaterThan(40);
        assertThat(recommendations.recommendationFor("Z992").diagnosisId()).isNull();
        var csv = HEADER
                + episode("F32.1", "2026-01-05", 10, "01")
                + episode("F321", "2026-01-06", 20, "01")
                + episode("f32.1", "2026-01-07", 30, "01")
                + episode("F32.1", "2026-01-31", 40, "01")
                + "\n"
                + episode("F32.1", "2026-02-10", max, "12")
                + episode("F32.1", "2026-02-11", max + 5, "12")
                + episode("Z99.2", "2026-02-11", 7, "12");

        var uploaded = upload(gzip(csv), ANALYST, true);

        assertThat(uploaded.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        var summary = JSON.readTree(uploaded.getBody());
        assertThat(summary.path("episodes").asLong()).isEqualTo(7);
        assertThat(summary.path("withoutRecommendation").asLong()).isEqualTo(1);
        assertThat(summary.path("firstMonth").asText()).isEqualTo("2026-01");
        assertThat(summary.path("lastMonth").asText()).isEqualTo("2026-02");

        var all = only(get("/fmb/api/v1/adherence/diagnoses", EDITOR), f32.diagnosisId());
        assertThat(all.path("episodes").asLong()).isEqualTo(6);
        assertThat(all.path("medianDays").asInt()).isEqualTo(30);
        assertThat(all.path("p75Days").asInt()).isEqualTo(max);
        assertThat(all.path("p90Days").asInt()).isEqualTo(max + 5);
        assertThat(all.path("maxDays").asInt()).isEqualTo(max);
        assertThat(all.path("withinMaxShare").asDouble()).isEqualTo(5.0 / 6);
        assertThat(all.path("region").asText()).isEmpty();

        var stockholm = only(get("/fmb/api/v1/adherence/diagnoses?region=01", ANALYST), f32.diagnosisId());
        assertThat(stockholm.path("episodes").asLong()).isEqualTo(4);
        assertThat(stockholm.path("medianDays").asInt()).isEqualTo(20);
        assertThat(stockholm.path("p90Days").asInt()).isEqualTo(40);
        assertThat(stockholm.path("withinMaxShare").asDouble()).isEqualTo(1.0);

        var regions = get("/fmb/api/v1/adherence/diagnoses/" + f32.diagnosisId() + "/regions", ANALYST);
        assertThat(regions).hasSize(2);
        assertThat(regions.get(1).path("regionName").asText()).isEqualTo("Region Skåne");
        assertThat(regions.get(1).path("withinMaxShare").asDouble()).isEqualTo(0.5);

        var months = get("/fmb/api/v1/adherence/diagnoses/" + f32.diagnosisId() + "/months", ANALYST);
        assertThat(months).hasSize(2);
        assertThat(months.get(0).path("month").asText()).isEqualTo("2026-01");
        assertThat(months.get(0).path("episodes").asLong()).isEqualTo(4);
        assertThat(months.get(1).path("month").asText()).isEqualTo("2026-02");
        assertThat(months.get(1).path("medianDays").asInt()).isEqualTo(max);

        var download = http.exchange(
                RequestEntity.get("/fmb/api/v1/adherence/diagnoses/" + f32.diagnosisId() + "/months")
                        .header("Authorization", ANALYST)
                        .header("Accept", "text/csv")
                        .build(),
                String.class);
        assertThat(download.getHeaders().getContentType().toString()).startsWith("text/csv");
        assertThat(download.getBody().lines()).first().isEqualTo(AdherenceFigure.CSV_HEADER.strip());
        assertThat(download.getBody().lines()).hasSize(3);
        assertThat(download.getBody())
                .contains(f32.diagnosisId() + ",\"" + f32.title() + "\",,\"Alla regioner\",2026-01,4,20,30,40,");
    }

    @Test
    void namesEveryBadLineAndKeepsNothingOfTheUpload() throws Exception {
        var before = http.exchange(
                RequestEntity.get("/fmb/api/v1/adherence/uploads/latest")
                        .header("Authorization", ANALYST)
                        .build(),
                String.class);
        var csv = HEADER
                + episode("F32.1", "2026-01-05", 10, "01")
                + "F32.1,2026-01-05,2026-01-01,100,F,35-44,01\n"
                + episode("F32.1", "2026-01-05", 10, "01")
                + "F32.1,2026-13-05,2026-01-01,100,X,35-44,99\n"
                + "F32.1,2026-01-05\n"
                + "123,2026-01-05,2026-01-09,60,F,17-20,01\n";

        var answer = upload(csv.getBytes(StandardCharsets.UTF_8), ANALYST, false);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(answer.getHeaders().getContentType().toString()).isEqualTo("application/problem+json");
        var problem = JSON.readTree(answer.getBody());
        assertThat(problem.path("invalidLines").asLong()).isEqualTo(4);
        var errors = problem.path("errors");
        assertThat(errors).hasSize(4);
        assertThat(errors.get(0).path("line").asLong()).isEqualTo(3);
        assertThat(errors.get(0).path("message").asText()).isEqualTo("end is before start");
        assertThat(errors.get(1).path("line").asLong()).isEqualTo(5);
        assertThat(errors.get(1).path("message").asText())
                .contains("start is not a date")
                .contains("sex must be F or M")
                .contains("region must be");
        assertThat(errors.get(2).path("line").asLong()).isEqualTo(6);
        assertThat(errors.get(2).path("message").asText()).startsWith("has 2 fields, expected 7");
        assertThat(errors.get(3).path("line").asLong()).isEqualTo(7);
        assertThat(errors.get(3).path("message").asText())
                .contains("icd10_code is not an ICD-10-SE code")
                .contains("degree must be")
                .contains("age_band must be");

        var after = http.exchange(
                RequestEntity.get("/fmb/api/v1/adherence/uploads/latest")
                        .header("Authorization", ANALYST)
                        .build(),
                String.class);
        assertThat(after.getStatusCode()).isEqualTo(before.getStatusCode());
        assertThat(after.getBody()).isEqualTo(before.getBody());
    }

    @Test
    void refusesAFileWithoutTheHeaderAndABodyThatIsNotGzip() throws Exception {
        var noHeader =
                upload(episode("F32.1", "2026-01-05", 10, "01").getBytes(StandardCharsets.UTF_8), ANALYST, false);
        assertThat(noHeader.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(JSON.readTree(noHeader.getBody())
                        .path("errors")
                        .get(0)
                        .path("line")
                        .asLong())
                .isEqualTo(1);

        var notGzip = upload(
                (HEADER + episode("F32.1", "2026-01-05", 10, "01")).getBytes(StandardCharsets.UTF_8), ANALYST, true);
        assertThat(notGzip.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(JSON.readTree(notGzip.getBody()).path("detail").asText()).contains("not gzip");
    }

    @Test
    void takesUploadsOnlyFromAnalysts() {
        var csv = (HEADER + episode("F32.1", "2026-01-05", 10, "01")).getBytes(StandardCharsets.UTF_8);
        assertThat(upload(csv, EDITOR, false).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(upload(csv, null, false).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        var read = http.exchange(
                RequestEntity.get("/fmb/api/v1/adherence/diagnoses")
                        .header("Authorization", TestTokens.bearer("webcert", "fmb.read"))
                        .build(),
                String.class);
        assertThat(read.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    private static String episode(String code, String start, int days, String region) {
        var from = java.time.LocalDate.parse(start);
        return code + "," + from + "," + from.plusDays(days - 1) + ",100,F,35-44," + region + "\n";
    }

    private ResponseEntity<String> upload(byte[] body, String token, boolean gzip) {
        var request = RequestEntity.method(HttpMethod.POST, "/fmb/api/v1/adherence/uploads")
                .header(HttpHeaders.CONTENT_TYPE, "text/csv");
        if (gzip) {
            request.header(HttpHeaders.CONTENT_ENCODING, "gzip");
        }
        if (token != null) {
            request.header(HttpHeaders.AUTHORIZATION, token);
        }
        return http.exchange(request.body(body), String.class);
    }

    private JsonNode get(String path, String token) throws Exception {
        var answer = http.exchange(
                RequestEntity.get(path).header("Authorization", token).build(), String.class);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        return JSON.readTree(answer.getBody());
    }

    private static JsonNode only(JsonNode figures, long diagnosisId) {
        for (var figure : figures) {
            if (figure.path("diagnosisId").asLong() == diagnosisId) {
                return figure;
            }
        }
        throw new AssertionError("No figures for diagnosis " + diagnosisId + " in " + figures);
    }

    private static byte[] gzip(String text) throws Exception {
        var bytes = new ByteArrayOutputStream();
        try (var out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }
}
