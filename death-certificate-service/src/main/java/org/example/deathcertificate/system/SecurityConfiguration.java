package org.example.deathcertificate.system;

import org.example.platform.security.ResourceServer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may do what: the SOAP intake (/services, WSDLs readable by anyone) and the JSON intake need
 * certificates.submit, paper registration certificates.code, reading certificates.read; coding and the register
 * export certificates.code, statistics certificates.read or certificates.code.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
        return ResourceServer.defaults(http)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health/**", "/actuator/info", "/actuator/prometheus").permitAll()
                        .requestMatchers(HttpMethod.GET, "/death-certificates/v3/api-docs/**").permitAll()
                        .requestMatchers(HttpMethod.GET, "/services/**").permitAll()
                        .requestMatchers(HttpMethod.POST, "/services/**").hasAuthority("SCOPE_certificates.submit")
                        .requestMatchers(HttpMethod.POST, "/death-certificates/api/v1/certificates")
                                .hasAuthority("SCOPE_certificates.submit")
                        .requestMatchers(HttpMethod.POST, "/death-certificates/api/v1/paper-certificates")
                                .hasAuthority("SCOPE_certificates.code")
                        .requestMatchers("/death-certificates/api/v1/coding/**").hasAuthority("SCOPE_certificates.code")
                        .requestMatchers(HttpMethod.GET, "/death-certificates/api/v1/export", "/death-certificates/api/v1/export/**")
                                .hasAuthority("SCOPE_certificates.code")
                        .requestMatchers(HttpMethod.GET, "/death-certificates/api/v1/statistics")
                                .hasAnyAuthority("SCOPE_certificates.read", "SCOPE_certificates.code")
                        .requestMatchers(HttpMethod.GET, "/death-certificates/api/v1/**").hasAuthority("SCOPE_certificates.read")
                        .anyRequest().denyAll())
                .build();
    }
}
