package org.example.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.Collections;
import java.util.function.Predicate;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.PathPatternRequestMatcherBuilderFactoryBean;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.web.firewall.FirewalledRequest;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Keeps token validation cheap on every service and the gateway, where it runs on every request:
 * <ul>
 * <li>each {@link JwtDecoder} is wrapped in a {@link CachingJwtDecoder} ({@link TokenCacheProperties}, {@code platform.security.token-cache.*});</li>
 * <li>Spring Security's firewall checks the request's header names and values once, when the request enters
 * ({@link HeadersCheckedOnce}), not again on every read of a header (a bearer token is ~750 characters, read several
 * times per request), with a plain loop for printable ASCII that falls back to the firewall's own Unicode rule for
 * anything else, so it refuses what the default firewall does;</li>
 * <li>the bearer token is taken from the {@code Authorization} header without a regular expression
 * ({@link HeaderBearerTokenResolver});</li>
 * <li>the path patterns of the security rules are parsed once and matched against the request's path
 * ({@link PathPatternRequestMatcher}), instead of asking Spring MVC's handler mappings on every request which
 * handler would take it; this also matches paths of servlets other than Spring MVC's (CXF, HAPI FHIR) as written;</li>
 * <li>the filter chain is not wrapped in an observation per filter (request metrics and traces still come from
 * Spring MVC's own observation of each request).</li>
 * </ul>
 */
@AutoConfiguration
@ConditionalOnClass({JwtDecoder.class, HttpFirewall.class})
@EnableConfigurationProperties(TokenCacheProperties.class)
public class TokenValidationAutoConfiguration {

    @Bean
    static BeanPostProcessor cachingJwtDecoders(ObjectProvider<TokenCacheProperties> properties) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof JwtDecoder decoder && !(bean instanceof CachingJwtDecoder)) {
                    var cache = properties.getObject();
                    if (cache.enabled()) {
                        return new CachingJwtDecoder(
                                decoder, cache.maximumTokens(), cache.timeToLive(), Clock.systemUTC());
                    }
                }
                return bean;
            }
        };
    }

    @Bean
    @ConditionalOnMissingBean(BearerTokenResolver.class)
    BearerTokenResolver bearerTokenResolver() {
        return new HeaderBearerTokenResolver();
    }

    @Bean
    @ConditionalOnMissingBean(PathPatternRequestMatcher.Builder.class)
    static PathPatternRequestMatcherBuilderFactoryBean pathPatternRequestMatchers() {
        return new PathPatternRequestMatcherBuilderFactoryBean();
    }

    @Bean
    @ConditionalOnMissingBean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    @ConditionalOnMissingBean(HttpFirewall.class)
    HttpFirewall httpFirewall() {
        return new HeadersCheckedOnce();
    }

    /**
     * Spring Security's {@link StrictHttpFirewall} (methods, paths, host names, parameters as by default) whose header
     * check runs once per request, over every header, instead of on each {@code getHeader}: the same names and values
     * are refused ({@link StrictHttpFirewall#ALLOWED_HEADER_NAMES}, {@link StrictHttpFirewall#ALLOWED_HEADER_VALUES}),
     * also in a header the application never reads (a proxy passes every header on, so it reads them all). The
     * refusal names the header, never its value (it may carry a token or personal data).
     */
    static final class HeadersCheckedOnce implements HttpFirewall {

        private final StrictHttpFirewall strict = new StrictHttpFirewall();

        HeadersCheckedOnce() {
            strict.setAllowedHeaderNames(name -> true);
            strict.setAllowedHeaderValues(value -> true);
        }

        @Override
        public FirewalledRequest getFirewalledRequest(HttpServletRequest request) {
            var firewalled = strict.getFirewalledRequest(request);
            for (var name : Collections.list(request.getHeaderNames())) {
                if (!allowed(name, StrictHttpFirewall.ALLOWED_HEADER_NAMES)) {
                    throw new RequestRejectedException(
                            "The request was rejected because a header name is not allowed.");
                }
                var values = request.getHeaders(name);
                while (values.hasMoreElements()) {
                    if (!allowed(values.nextElement(), StrictHttpFirewall.ALLOWED_HEADER_VALUES)) {
                        throw new RequestRejectedException("The request was rejected because the header \"" + name
                                + "\" has a value that is not allowed.");
                    }
                }
            }
            return firewalled;
        }

        @Override
        public HttpServletResponse getFirewalledResponse(HttpServletResponse response) {
            return strict.getFirewalledResponse(response);
        }

        private static boolean allowed(String text, Predicate<String> standard) {
            return isPrintableAscii(text) || standard.test(text);
        }
    }

    static boolean isPrintableAscii(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                return false;
            }
        }
        return true;
    }
}
