package org.example.gateway.access;

import java.time.Duration;
import java.util.List;
import org.example.gateway.limits.RateLimitFilter;
import org.example.platform.security.ProblemResponses;
import org.example.platform.security.SuiteAccess;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * The gateway's own check of every routed request. It is the outer lock: each service checks the token
 * and its exact scope again, so a request that bypasses the gateway is refused too.
 */
@Configuration(proxyBeanMethods = false)
class AccessConfiguration {

    /**
     * The gateway's own pages: scripts and styles only from the gateway itself (Swagger UI's files, the login page's
     * form), no inline script, no framing, forms only to the gateway.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'self'; "
            + "frame-ancestors 'none'; object-src 'none'";

    /**
     * The routed requests, most of the gateway's traffic: first of the chains, so that a routed request is not matched
     * against the authorization server's endpoints first (no path is in both).
     */
    @Bean
    @Order(0)
    SecurityFilterChain apiAccess(HttpSecurity http, RateLimitFilter rateLimits) throws Exception {
        var routes = SuiteAccess.SERVICES.stream()
                .flatMap(service -> service.routes().stream())
                .toArray(String[]::new);
        return tokensAndLimits(http, rateLimits)
                .securityMatcher(routes)
                // every filter here runs on every routed request: only those an API needs. The services write their
                // own security headers on their answers (pages included), so none are added here.
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.disable())
                .securityContext(
                        context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .requestCache(cache -> cache.disable())
                .logout(logout -> logout.disable())
                .servletApi(servletApi -> servletApi.disable())
                .headers(headers -> headers.disable())
                .exceptionHandling(errors -> errors.authenticationEntryPoint(ProblemResponses.unauthorized())
                        .accessDeniedHandler(ProblemResponses.forbidden()))
                .authorizeHttpRequests(requests -> {
                    // each service's own access list, the one the service itself enforces
                    for (var service : SuiteAccess.SERVICES) {
                        requests.requestMatchers(service.routes().toArray(String[]::new))
                                .access(service.atGateway());
                    }
                    requests.anyRequest().denyAll();
                })
                .build();
    }

    /**
     * The gateway's own pages and endpoints: the login page of the authorization server, Swagger UI, the index and
     * actuator, under a strict Content-Security-Policy (no inline script, nothing from elsewhere).
     */
    @Bean
    @Order(3)
    SecurityFilterChain webAccess(HttpSecurity http, RateLimitFilter rateLimits) throws Exception {
        return tokensAndLimits(http, rateLimits)
                .csrf(csrf -> csrf.requireCsrfProtectionMatcher(
                        PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/login")))
                .headers(headers -> headers.frameOptions(frame -> frame.deny())
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY)))
                .formLogin(Customizer.withDefaults())
                // a default, not the entry point: the generated /login page for people stays on
                .exceptionHandling(errors -> errors.defaultAuthenticationEntryPointFor(
                                ProblemResponses.unauthorized(), AnyRequestMatcher.INSTANCE)
                        .accessDeniedHandler(ProblemResponses.forbidden()))
                .authorizeHttpRequests(requests -> requests.requestMatchers(
                                "/actuator/health/**", "/actuator/info", "/actuator/prometheus", "/error")
                        .permitAll()
                        .requestMatchers(
                                "/",
                                "/swagger-ui.html",
                                "/swagger-ui/**",
                                "/v3/api-docs/**",
                                "/login",
                                "/favicon.ico",
                                "/default-ui.css")
                        .permitAll()
                        .anyRequest()
                        .denyAll())
                .build();
    }

    /**
     * What both chains do: CORS, bearer tokens (401/403 as problem+json) and the rate limits: a request with a token
     * that fails validation is counted against its address before it is refused, and once the address has spent its
     * budget of such requests it gets 429 without its token being checked at all.
     */
    private static HttpSecurity tokensAndLimits(HttpSecurity http, RateLimitFilter rateLimits) throws Exception {
        return http.cors(Customizer.withDefaults())
                .oauth2ResourceServer(oauth -> oauth.jwt(Customizer.withDefaults())
                        .authenticationEntryPoint(rateLimits.countingInvalidTokens(ProblemResponses.unauthorized()))
                        .accessDeniedHandler(ProblemResponses.forbidden()))
                .addFilterBefore(rateLimits.invalidTokenBarrier(), BearerTokenAuthenticationFilter.class)
                .addFilterAfter(rateLimits, BearerTokenAuthenticationFilter.class);
    }

    @Bean
    CorsConfigurationSource corsConfigurationSource(CorsProperties properties) {
        var cors = new CorsConfiguration();
        cors.setAllowedOrigins(properties.allowedOrigins());
        cors.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"));
        cors.setAllowedHeaders(List.of(
                "Authorization",
                "Content-Type",
                "Accept",
                "If-None-Match",
                "If-Modified-Since",
                "If-Match",
                "X-Request-Id"));
        cors.setExposedHeaders(List.of("X-Request-Id", "Retry-After", "ETag", "Last-Modified", "Location"));
        cors.setMaxAge(Duration.ofHours(1));
        var source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", cors);
        return source;
    }
}
