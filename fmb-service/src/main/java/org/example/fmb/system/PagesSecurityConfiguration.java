package org.example.fmb.system;

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
 * The editors' pages: a session and a login through the suite's authorization server
 * (authorization-code flow, registration {@code suite}). The API stays a stateless resource server
 * ({@link SecurityConfiguration}); this chain matches exactly the paths the suite's access list ({@link SuiteAccess})
 * marks as having a login of their own, the paths the gateway passes on untouched. {@code fmb.pages.login=form}
 * swaps the login for a form against the application's UserDetailsService (used by the browser test).
 */
@Configuration(proxyBeanMethods = false)
class PagesSecurityConfiguration {

    @Bean
    @Order(1)
    SecurityFilterChain pagesSecurityFilterChain(HttpSecurity http, @Value("${fmb.pages.login:oauth2}") String login)
            throws Exception {
        http.securityMatcher(SuiteAccess.FMB.ownLoginPatterns())
                .authorizeHttpRequests(requests -> requests.requestMatchers(
                                "/fmb/login", "/fmb/login/**", "/fmb/oauth2/**")
                        .permitAll()
                        .requestMatchers(
                                HttpMethod.POST,
                                "/fmb/editor/diagnoses/*/versions/*/approve",
                                "/fmb/editor/diagnoses/*/versions/*/return",
                                "/fmb/editor/diagnoses/*/versions/*/publish",
                                "/fmb/editor/principles/versions/*/approve",
                                "/fmb/editor/principles/versions/*/return",
                                "/fmb/editor/principles/versions/*/publish")
                        .hasAuthority("SCOPE_fmb.review")
                        .requestMatchers(HttpMethod.GET, "/fmb/editor/uppfoljning", "/fmb/editor/uppfoljning/**")
                        .hasAnyAuthority("SCOPE_fmb.analyse", "SCOPE_fmb.write", "SCOPE_fmb.review")
                        .requestMatchers(HttpMethod.POST, "/fmb/editor/**")
                        .hasAuthority("SCOPE_fmb.write")
                        .anyRequest()
                        .hasAnyAuthority("SCOPE_fmb.write", "SCOPE_fmb.review"))
                .logout(logout -> logout.logoutUrl("/fmb/logout").logoutSuccessUrl("/fmb/diagnoser"));
        // a relative Location: behind the gateway this service's own address is not the one the browser can reach
        var entryPoint = new LoginUrlAuthenticationEntryPoint(
                "form".equals(login) ? "/fmb/login" : "/fmb/oauth2/authorization/suite");
        entryPoint.setFavorRelativeUris(true);
        http.exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(entryPoint));
        http.requestCache(cache -> cache.requestCache(new PathOnlyRequestCache()));
        if ("form".equals(login)) {
            http.formLogin(form -> form.loginPage("/fmb/login")
                    .loginProcessingUrl("/fmb/login")
                    .defaultSuccessUrl("/fmb/editor")
                    .permitAll());
        } else {
            http.oauth2Login(oauth -> oauth.loginPage("/fmb/oauth2/authorization/suite")
                    .authorizationEndpoint(endpoint -> endpoint.baseUri("/fmb/oauth2/authorization"))
                    .redirectionEndpoint(endpoint -> endpoint.baseUri("/fmb/login/oauth2/code/*"))
                    .defaultSuccessUrl("/fmb/editor"));
        }
        return http.build();
    }
}
