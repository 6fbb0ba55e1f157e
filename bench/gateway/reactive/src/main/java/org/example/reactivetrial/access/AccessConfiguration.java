package org.example.reactivetrial.access;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.example.platform.security.SuiteAccess;
import org.example.reactivetrial.ProblemAnswers;
import org.example.reactivetrial.limits.RateLimits;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.security.web.server.firewall.ServerWebExchangeFirewall;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;
import reactor.core.publisher.Mono;

/**
 * The suite gateway's API chain, reactive: CORS, bearer tokens (signature, {@code iss} and expiry checked; 401 and
 * 403 as problem+json), the rate limit, then each service's access list from {@code SuiteAccess}; nothing else on the
 * routed paths is allowed. No session, no saved requests, no security headers (the services write their own), as in
 * the servlet chain.
 */
@Configuration(proxyBeanMethods = false)
class AccessConfiguration {

    /** The platform firewall's rule for header values: printable ASCII, or else Spring Security's default pattern. */
    private static final Pattern DEFAULT_HEADER_VALUE = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");

    @Bean
    @Order(0)
    SecurityWebFilterChain apiAccess(ServerHttpSecurity http, ReactiveJwtDecoder tokens, RateLimits limits) {
        var routes = SuiteAccess.SERVICES.stream()
                .flatMap(service -> service.routes().stream())
                .toArray(String[]::new);
        return http.securityMatcher(ServerWebExchangeMatchers.pathMatchers(routes))
                .cors(Customizer.withDefaults())
                .csrf(csrf -> csrf.disable())
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .headers(headers -> headers.disable())
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .oauth2ResourceServer(oauth -> oauth.jwt(jwt -> jwt.jwtDecoder(tokens))
                        .authenticationEntryPoint(ProblemAnswers.unauthorized())
                        .accessDeniedHandler(ProblemAnswers.forbidden()))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(ProblemAnswers.unauthorized())
                        .accessDeniedHandler(ProblemAnswers.forbidden()))
                .addFilterAfter(limits::filter, SecurityWebFiltersOrder.AUTHENTICATION)
                .authorizeExchange(exchanges -> {
                    for (var service : SuiteAccess.SERVICES) {
                        exchanges
                                .pathMatchers(service.routes().toArray(String[]::new))
                                .access(new ServiceAccessDecision(service));
                    }
                    exchanges.anyExchange().denyAll();
                })
                .build();
    }

    /** Health and metrics, open as at the suite's gateway; nothing else of the trial's own. */
    @Bean
    @Order(1)
    SecurityWebFilterChain ownEndpoints(ServerHttpSecurity http) {
        return http.csrf(csrf -> csrf.disable())
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .exceptionHandling(errors -> errors.authenticationEntryPoint(ProblemAnswers.unauthorized())
                        .accessDeniedHandler(ProblemAnswers.forbidden()))
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers("/actuator/health", "/actuator/health/**", "/actuator/prometheus")
                        .permitAll()
                        .anyExchange()
                        .denyAll())
                .build();
    }

    @Bean
    ReactiveJwtDecoder tokens(AccessProperties properties) {
        var decoder = NimbusReactiveJwtDecoder.withJwkSetUri(
                        properties.jwkSetUri().toString())
                .build();
        decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(properties.issuer()));
        return new CachingReactiveJwtDecoder(
                decoder, properties.maximumTokens(), properties.tokenTimeToLive(), Clock.systemUTC());
    }

    /**
     * Spring Security's strict firewall (paths, methods, host names; 400 when refused) with the platform's check of
     * header values. The reactive firewall checks only the headers someone reads, and the proxy copies the headers on
     * without reading them one by one, so every value is checked here first, as the servlet gateway's copy of the
     * headers (through the firewalled request) does.
     */
    @Bean
    ServerWebExchangeFirewall firewall() {
        // the reactive firewall also asks about headers that are absent (null), which its default allows
        Predicate<String> allowed = value -> value == null
                || isPrintableAscii(value)
                || DEFAULT_HEADER_VALUE.matcher(value).matches();
        var strict = new StrictServerWebExchangeFirewall();
        strict.setAllowedHeaderValues(allowed);
        return exchange -> {
            for (var values : exchange.getRequest().getHeaders().values()) {
                for (var value : values) {
                    if (!allowed.test(value)) {
                        return Mono.error(new ServerExchangeRejectedException("A header value is not allowed"));
                    }
                }
            }
            return strict.getFirewalledExchange(exchange);
        };
    }

    /** The filter chain is not wrapped in an observation per filter, as in the suite's gateway. */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    CorsConfigurationSource corsConfigurationSource(AccessProperties properties) {
        var cors = new CorsConfiguration();
        cors.setAllowedOrigins(properties.corsAllowedOrigins());
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

    private static boolean isPrintableAscii(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                return false;
            }
        }
        return true;
    }
}
