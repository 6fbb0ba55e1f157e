package org.example.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/** The fast path must resolve, and refuse, every header exactly as Spring Security's default resolver does. */
class HeaderBearerTokenResolverTests {

    private static final String JWT = "eyJraWQiOiJhIiwiYWxnIjoiUlMyNTYifQ.eyJzdWIiOiJ3ZWJjZXJ0In0.c2lnbmF0dXJl-_~+/";

    private final HeaderBearerTokenResolver resolver = new HeaderBearerTokenResolver();
    private final DefaultBearerTokenResolver standard = new DefaultBearerTokenResolver();

    static List<String> headers() {
        return List.of(
                "Bearer " + JWT,
                "bearer " + JWT,
                "BEARER " + JWT,
                "Bearer abc==",
                "Bearer abc=",
                "Bearer a",
                "Bearer ",
                "Bearer",
                "Bearer  " + JWT,
                "Bearer " + JWT + " ",
                "Bearer ab=c",
                "Bearer =abc",
                "Bearer " + JWT + "\n",
                "Bearer ab cd",
                "Bearer åäö",
                "Bearer a,b",
                "Basic dXNlcjpwYXNz",
                "Bearerabc",
                "Token " + JWT,
                "Bearer\t" + JWT,
                "bearer:" + JWT,
                "");
    }

    @ParameterizedTest
    @MethodSource("headers")
    void resolvesOrRefusesEachHeaderAsTheDefaultResolverDoes(String header) {
        var expected = outcome(standard::resolve, request(header));
        var actual = outcome(resolver::resolve, request(header));
        assertThat(actual).isEqualTo(expected);
    }

    @ParameterizedTest
    @MethodSource("headers")
    void leavesRequestsThatMayCarryAnAccessTokenParameterToTheDefaultResolver(String header) {
        var withQuery = request(header);
        withQuery.setQueryString("access_token=" + JWT);
        withQuery.addParameter("access_token", JWT);
        assertThat(outcome(resolver::resolve, withQuery)).isEqualTo(outcome(standard::resolve, withQuery));
        var formPost = request(header);
        formPost.setMethod("POST");
        formPost.setContentType("application/x-www-form-urlencoded");
        formPost.addParameter("access_token", JWT);
        assertThat(outcome(resolver::resolve, formPost)).isEqualTo(outcome(standard::resolve, formPost));
    }

    @Test
    void findsNoTokenWithoutAnAuthorizationHeader() {
        assertThat(resolver.resolve(new MockHttpServletRequest("GET", "/hosp/api/v1/persons/1")))
                .isNull();
    }

    private static MockHttpServletRequest request(String authorization) {
        var request = new MockHttpServletRequest("GET", "/hosp/api/v1/persons/191212121212");
        request.addHeader("Authorization", authorization);
        return request;
    }

    private static String outcome(
            java.util.function.Function<MockHttpServletRequest, String> resolve, MockHttpServletRequest request) {
        try {
            return "token:" + resolve.apply(request);
        } catch (OAuth2AuthenticationException e) {
            return "refused:" + e.getError().getErrorCode() + ":" + e.getError().getDescription();
        }
    }
}
