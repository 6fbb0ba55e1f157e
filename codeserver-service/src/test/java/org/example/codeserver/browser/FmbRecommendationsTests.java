package org.example.codeserver.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.example.codeserver.browser.FmbRecommendations.Recommendation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;

/**
 * How the code browser learns which codes FMB has a recommendation for, against an HTTP server that answers as FMB's
 * open list API does (its JSON shape and ETag); the whole suite's {@code SuiteTests} checks the link against the real
 * FMB service.
 */
class FmbRecommendationsTests {

    private static final String PAGE_0 = """
            {"items":[
              {"id":601,"version":1,"title":"Depression","icd10Codes":["F32","F33"],"diseaseGroup":"Psykiska sjukdomar"},
              {"id":602,"version":1,"title":"Lumbago","icd10Codes":["M54.5"]}],
             "page":0,"size":200,"totalItems":3,"totalPages":2}""";
    private static final String PAGE_1 = """
            {"items":[{"id":603,"version":2,"title":"Akut hjärtinfarkt","icd10Codes":["I21.9"]}],
             "page":1,"size":200,"totalItems":3,"totalPages":2}""";

    private HttpServer fmb;
    private final List<String> asked = new CopyOnWriteArrayList<>();
    private volatile boolean answering = true;

    @BeforeEach
    void startFmb() throws IOException {
        fmb = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        fmb.createContext("/fmb/api/v1/diagnoses", this::answer);
        fmb.start();
    }

    @AfterEach
    void stopFmb() {
        fmb.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        var query = exchange.getRequestURI().getQuery();
        var ifNoneMatch = exchange.getRequestHeaders().getFirst("If-None-Match");
        asked.add(query + (ifNoneMatch == null ? "" : " if-none-match " + ifNoneMatch));
        if (!answering) {
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
            return;
        }
        if ("\"rev-1\"".equals(ifNoneMatch) && query.startsWith("page=0")) {
            exchange.sendResponseHeaders(304, -1);
            exchange.close();
            return;
        }
        var body = (query.startsWith("page=1") ? PAGE_1 : PAGE_0).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.getResponseHeaders().add("ETag", "\"rev-1\"");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private FmbRecommendations recommendations() {
        return new FmbRecommendations(
                RestClient.builder(), "http://127.0.0.1:" + fmb.getAddress().getPort(), Duration.ofSeconds(2));
    }

    @Test
    void aCodeFindsTheDiagnosisThatListsItOrItsNearestParent() {
        var recommendations = recommendations();
        recommendations.refresh();

        assertThat(recommendations.forCode("F32")).contains(new Recommendation(601, "Depression"));
        assertThat(recommendations.forCode("F321")).contains(new Recommendation(601, "Depression"));
        assertThat(recommendations.forCode("F32.1")).contains(new Recommendation(601, "Depression"));
        assertThat(recommendations.forCode("M545")).contains(new Recommendation(602, "Lumbago"));
        assertThat(recommendations.forCode("I219")).contains(new Recommendation(603, "Akut hjärtinfarkt"));
        assertThat(recommendations.forCode("I219").orElseThrow().href()).isEqualTo("/fmb/diagnoser/603");
    }

    @Test
    void aCodeWithoutARecommendationFindsNoneNorDoesItsParentOrAShorterPrefix() {
        var recommendations = recommendations();
        recommendations.refresh();

        assertThat(recommendations.forCode("A000")).isEmpty();
        assertThat(recommendations.forCode("I21")).isEmpty(); // FMB lists I21.9 only, not its parent
        assertThat(recommendations.forCode("M54")).isEmpty();
        assertThat(recommendations.forCode("F3")).isEmpty();
    }

    @Test
    void anUnchangedListIsAskedForWithItsETagAndKept() {
        var recommendations = recommendations();
        recommendations.refresh();
        asked.clear();

        recommendations.refresh();

        assertThat(asked).containsExactly("page=0&size=200 if-none-match \"rev-1\"");
        assertThat(recommendations.forCode("F321")).isPresent();
    }

    @Test
    void whileFmbCannotBeReadTheLastListIsKeptAndBeforeAnyNoLinkIsShown() {
        answering = false;
        var neverRead = recommendations();
        neverRead.refresh();
        assertThat(neverRead.forCode("F321")).isEmpty();

        answering = true;
        var read = recommendations();
        read.refresh();
        answering = false;
        read.refresh();
        assertThat(read.forCode("F321")).contains(new Recommendation(601, "Depression"));
    }

    @Test
    void anEmptyFmbUrlTurnsTheLinksOffWithoutCallingAnything() {
        var off = new FmbRecommendations(RestClient.builder(), "", Duration.ofSeconds(2));
        off.refresh();

        assertThat(off.forCode("F321")).isEmpty();
        assertThat(asked).isEmpty();
    }
}
