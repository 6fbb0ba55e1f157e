package org.example.hosp;

import com.fasterxml.jackson.databind.JsonNode;
import org.example.platform.security.TestTokens;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Small HTTP calls with a bearer token and a request id, answered as JSON trees (also for problem+json). */
public final class HttpCalls {

    private final TestRestTemplate http;

    public HttpCalls(TestRestTemplate http) {
        this.http = http;
    }

    public ResponseEntity<JsonNode> get(String path, String token) {
        return get(path, token, null);
    }

    public ResponseEntity<JsonNode> get(String path, String token, String requestId) {
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers(token, requestId)), JsonNode.class);
    }

    public ResponseEntity<JsonNode> post(String path, String token, Object body) {
        return post(path, token, body, null);
    }

    public ResponseEntity<JsonNode> post(String path, String token, Object body, String requestId) {
        var headers = headers(token, requestId);
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), JsonNode.class);
    }

    /**
     * A bearer header value for a client of a kind of actor. ({@code TestTokens.bearer} with four strings is
     * ambiguous between its two overloads, so this calls {@code TestTokens.token} directly.)
     */
    public static String bearer(String clientId, String actorType, String organisation, String... scopes) {
        return "Bearer " + TestTokens.token(clientId, actorType, organisation, scopes);
    }

    private static HttpHeaders headers(String token, String requestId) {
        var headers = new HttpHeaders();
        headers.setAccept(java.util.List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
        if (token != null) {
            headers.set(HttpHeaders.AUTHORIZATION, token);
        }
        if (requestId != null) {
            headers.set("X-Request-Id", requestId);
        }
        return headers;
    }
}
