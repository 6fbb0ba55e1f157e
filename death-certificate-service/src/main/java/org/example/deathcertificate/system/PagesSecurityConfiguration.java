package org.example.deathcertificate.system;

import org.example.platform.security.PathOnlyRequestCache;
import org.example.platform.security.SuiteAccess;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;

/**
 * The coders' pages (workbench, statistics): a session and a login through the suite's authorization server
 * (authorization-code flow, registration {@code suite}), under a strict Content-Security-Policy (scripts and styles
 * only from this service, nothing inline). The API stays a stateless resource server ({@link SecurityConfiguration});
 * this chain matches exactly the page paths that the suite's access list ({@link SuiteAccess}) marks as having a login
 * of their own, the paths the gateway passes on untouched. {@code coding.pages-login=form} swaps the login for a form against the
 * application's UserDetailsService (used by the browser test).
 */
@Configuration(proxyBeanMethods = false)
class PagesSecurityConfiguration {

    static final String CONTENT_SECURITY_POLICY =
            "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                    + "connect-src 'self'; font-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    @Bean
    @Order(1)
    SecurityFilterChain pagesSecurityFilterChain(HttpSecurity http, @Value("${coding.pages-login:oauth2}") String login)
            throws Exception {
        http.securityMatcher(SuiteAccess.DEATH_CERTIFICATES.ownLoginPatterns())
                .authorizeHttpRequests(requests -> requests.requestMatchers(
                                HttpMethod.GET, "/death-certificates/assets/**", "/death-certificates/webjars/**")
                        .permitAll()
                        .requestMatchers(
                                "/death-certificates/login",
                                "/death-certificates/login/**",
                                "/death-certificates/oauth2/**")
                        .permitAll()
                        .requestMatchers("/death-certificates/statistics", "/death-certificates/statistics/**")
                        .hasAnyAuthority("SCOPE_certificates.read", "SCOPE_certificates.code")
                        .anyRequest()
                        .hasAuthority("SCOPE_certificates.code"))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY)))
                .logout(logout -> logout.logoutUrl("/death-certificates/logout")
                        .logoutSuccessUrl("/death-certificates/login?logout"));
        // a relative Location: behind the gateway this service's own address is not the one the browser can reach
        var entryPoint = new LoginUrlAuthenticationEntryPoint(
                "form".equals(login) ? "/death-certificates/login" : "/death-certificates/oauth2/authorization/suite");
        entryPoint.setFavorRelativeUris(true);
        http.exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(entryPoint));
        http.requestCache(cache -> cache.requestCache(new PathOnlyRequestCache()));
        if ("form".equals(login)) {
            http.formLogin(form -> form.loginPage("/death-certificates/login")
                    .loginProcessingUrl("/death-certificates/login")
                    .defaultSuccessUrl("/death-certificates/coding")
                    .permitAll());
        } else {
            http.oauth2Login(oauth -> oauth.loginPage("/death-certificates/oauth2/authorization/suite")
                    .authorizationEndpoint(endpoint -> endpoint.baseUri("/death-certificates/oauth2/authorization"))
                    .redirectionEndpoint(endpoint -> endpoint.baseUri("/death-certificates/login/oauth2/code/*"))
                    .defaultSuccessUrl("/death-certificates/coding"));
        }
        return http.build();
    }
}
