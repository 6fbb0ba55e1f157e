package org.example.hosp.system;

import org.example.platform.security.ResourceServer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/** Scopes per endpoint; the actor type (who may see which register items) is checked by the access policy. */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
        return ResourceServer.defaults(http)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health/**", "/actuator/info", "/actuator/prometheus").permitAll()
                        .requestMatchers(HttpMethod.GET, "/hosp/v3/api-docs/**").permitAll()
                        .requestMatchers(HttpMethod.GET, "/hosp/api/v1/persons/*", "/hosp/api/v1/changes")
                        .hasAuthority("SCOPE_hosp.read")
                        .requestMatchers(HttpMethod.POST, "/hosp/api/v1/licence-checks").hasAuthority("SCOPE_hosp.read")
                        .requestMatchers(HttpMethod.POST, "/hosp/api/v1/persons/**").hasAuthority("SCOPE_hosp.write")
                        .requestMatchers(HttpMethod.GET, "/hosp/api/v1/audit").hasAuthority("SCOPE_hosp.audit")
                        .anyRequest().denyAll())
                .build();
    }
}
