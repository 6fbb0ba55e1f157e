package org.example.gateway.access;

import static org.springframework.http.HttpMethod.GET;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.example.gateway.limits.RateLimitFilter;
import org.example.gateway.limits.RequestSizeFilter;
import org.example.platform.security.ProblemResponses;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * The gateway's own check of every routed request. It is the outer lock: each service checks the token
 * and its exact scope again, so a request that bypasses the gateway is refused too.
 */
@Configuration(proxyBeanMethods = false)
class AccessConfiguration {

    private static final Pattern FHIR_READ_OPERATION = Pattern.compile(
            "/fhir/((CodeSystem|ValueSet|ConceptMap)(/[^/]+)?/)?\\$(lookup|validate-code|expand|subsumes|translate)");

    /** The routed APIs: callers are machines with bearer tokens, so no session, no login page, no CSRF token. */
    private static final String[] API_PATHS = { "/fmb/api/**", "/fmb/forsakringsmedicinskdiagnosinformation/**",
        "/fmb/typfall/**", "/codes/**", "/fhir", "/fhir/**", "/hosp/**", "/death-certificates/**", "/services/**" };

    @Bean
    @Order(2)
    SecurityFilterChain apiAccess(HttpSecurity http, RateLimitFilter rateLimits, RequestSizeFilter sizeLimits)
            throws Exception {
        return tokensAndLimits(http, rateLimits, sizeLimits)
                .securityMatcher(API_PATHS)
                // every filter here runs on every API request: only those an API needs. The services write their own
                // security headers on their answers.
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.disable())
                .securityContext(context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .requestCache(cache -> cache.disable())
                .logout(logout -> logout.disable())
                .servletApi(servletApi -> servletApi.disable())
                .headers(headers -> headers.disable())
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(ProblemResponses.unauthorized())
                        .accessDeniedHandler(ProblemResponses.forbidden()))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(GET, "/fmb/v3/api-docs/**", "/codes/v3/api-docs/**", "/hosp/v3/api-docs/**",
                                "/death-certificates/v3/api-docs/**")
                        .permitAll()
                        // FMB: published content is open
                        .requestMatchers("/fmb/api/v1/statistics/**", "/fmb/api/v1/authoring/**")
                        .hasAnyAuthority("SCOPE_fmb.write", "SCOPE_fmb.review")
                        .requestMatchers(GET, "/fmb/**").permitAll()
                        .requestMatchers("/fmb/**")
                        .hasAnyAuthority("SCOPE_fmb.read", "SCOPE_fmb.write", "SCOPE_fmb.review")
                        // Code server: reading, in JSON or FHIR, is open; changing needs codes.write
                        .requestMatchers(GET, "/codes/**", "/fhir", "/fhir/**").permitAll()
                        .requestMatchers(fhirReadOperation()).permitAll()
                        .requestMatchers("/codes/**", "/fhir", "/fhir/**").hasAuthority("SCOPE_codes.write")
                        // HoSp: never open
                        .requestMatchers("/hosp/api/v1/audit/**").hasAuthority("SCOPE_hosp.audit")
                        .requestMatchers("/hosp/**")
                        .hasAnyAuthority("SCOPE_hosp.read", "SCOPE_hosp.write", "SCOPE_hosp.audit")
                        // Cause-of-death certificates: the WSDLs are public contract, the calls are not
                        .requestMatchers(GET, "/services/**").permitAll()
                        .requestMatchers("/services/**").hasAuthority("SCOPE_certificates.submit")
                        .requestMatchers("/death-certificates/**")
                        .hasAnyAuthority("SCOPE_certificates.submit", "SCOPE_certificates.read", "SCOPE_certificates.code")
                        .anyRequest().denyAll())
                .build();
    }

    /** Everything else: the login page, Swagger UI, actuator, and the FMB pages with their own OAuth2 login. */
    @Bean
    @Order(3)
    SecurityFilterChain webAccess(HttpSecurity http, RateLimitFilter rateLimits, RequestSizeFilter sizeLimits)
            throws Exception {
        return tokensAndLimits(http, rateLimits, sizeLimits)
                .csrf(csrf -> csrf.requireCsrfProtectionMatcher(
                        PathPatternRequestMatcher.withDefaults().matcher(org.springframework.http.HttpMethod.POST, "/login")))
                .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin()))
                .formLogin(Customizer.withDefaults())
                // a default, not the entry point: the generated /login page for editors stays on
                .exceptionHandling(errors -> errors
                        .defaultAuthenticationEntryPointFor(ProblemResponses.unauthorized(), AnyRequestMatcher.INSTANCE)
                        .accessDeniedHandler(ProblemResponses.forbidden()))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health/**", "/actuator/info", "/actuator/prometheus", "/error")
                        .permitAll()
                        .requestMatchers("/", "/swagger-ui.html", "/swagger-ui/**", "/v3/api-docs/**", "/login",
                                "/favicon.ico")
                        .permitAll()
                        // the editor pages run their own login in fmb-service; the public pages are open
                        .requestMatchers(GET, "/fmb/**").permitAll()
                        .requestMatchers("/fmb/editor", "/fmb/editor/**", "/fmb/login", "/fmb/login/**", "/fmb/oauth2/**",
                                "/fmb/logout")
                        .permitAll()
                        .requestMatchers("/fmb/**")
                        .hasAnyAuthority("SCOPE_fmb.read", "SCOPE_fmb.write", "SCOPE_fmb.review")
                        .anyRequest().permitAll())
                .build();
    }

    /** What both chains do: CORS, bearer tokens (401/403 as problem+json), the size limit and the rate limit. */
    private static HttpSecurity tokensAndLimits(HttpSecurity http, RateLimitFilter rateLimits,
            RequestSizeFilter sizeLimits) throws Exception {
        return http
                .cors(Customizer.withDefaults())
                .oauth2ResourceServer(oauth -> oauth.jwt(Customizer.withDefaults())
                        .authenticationEntryPoint(ProblemResponses.unauthorized())
                        .accessDeniedHandler(ProblemResponses.forbidden()))
                .addFilterBefore(sizeLimits, BearerTokenAuthenticationFilter.class)
                .addFilterAfter(rateLimits, BearerTokenAuthenticationFilter.class);
    }

    @Bean
    CorsConfigurationSource corsConfigurationSource(CorsProperties properties) {
        var cors = new CorsConfiguration();
        cors.setAllowedOrigins(properties.allowedOrigins());
        cors.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"));
        cors.setAllowedHeaders(List.of("Authorization", "Content-Type", "Accept", "If-None-Match",
                "If-Modified-Since", "If-Match", "X-Request-Id"));
        cors.setExposedHeaders(List.of("X-Request-Id", "Retry-After", "ETag", "Last-Modified", "Location"));
        cors.setMaxAge(Duration.ofHours(1));
        var source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", cors);
        return source;
    }

    private static RequestMatcher fhirReadOperation() {
        return (HttpServletRequest request) -> "POST".equals(request.getMethod())
                && FHIR_READ_OPERATION.matcher(request.getRequestURI()).matches();
    }
}
