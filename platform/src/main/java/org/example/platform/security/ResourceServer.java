package org.example.platform.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;

/**
 * A service's security filter chain, the same everywhere: stateless, bearer JWTs from the suite's issuer (scopes
 * become {@code SCOPE_x} authorities), problem+json for 401 and 403, the suite's default Content-Security-Policy,
 * and the service's access list from {@link SuiteAccess} (health and metrics open).
 */
public final class ResourceServer {

    /**
     * For answers that are data, not pages: nothing may be loaded, framed or run from them. A service's own page
     * chain sets the policy its pages need (still without inline script).
     */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; "
            + "frame-ancestors 'none'; object-src 'none'";

    private ResourceServer() {}

    /** The whole chain of a service: {@link #defaults} and the service's access list. */
    public static HttpSecurity protect(HttpSecurity http, ServiceAccess access) throws Exception {
        return defaults(http)
                .authorizeHttpRequests(requests -> requests.requestMatchers(
                                "/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus")
                        .permitAll()
                        .anyRequest()
                        .access(access.atService()));
    }

    public static HttpSecurity defaults(HttpSecurity http) throws Exception {
        return http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY)))
                .oauth2ResourceServer(oauth -> oauth.jwt(jwt -> {})
                        .authenticationEntryPoint(ProblemResponses.unauthorized())
                        .accessDeniedHandler(ProblemResponses.forbidden()))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(ProblemResponses.unauthorized())
                        .accessDeniedHandler(ProblemResponses.forbidden()));
    }
}
