package org.example.platform.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;

/**
 * The part of a service's security filter chain that is the same everywhere: stateless, bearer JWTs
 * from the suite's issuer (scopes become {@code SCOPE_x} authorities), and problem+json for 401 and
 * 403. Each service adds its own authorization rules.
 */
public final class ResourceServer {

    private ResourceServer() {
    }

    public static HttpSecurity defaults(HttpSecurity http) throws Exception {
        return http
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .oauth2ResourceServer(oauth -> oauth.jwt(jwt -> { })
                        .authenticationEntryPoint(ProblemResponses.unauthorized())
                        .accessDeniedHandler(ProblemResponses.forbidden()))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(ProblemResponses.unauthorized())
                        .accessDeniedHandler(ProblemResponses.forbidden()));
    }
}
