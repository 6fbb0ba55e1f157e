package org.example.codeserver.system;

import org.example.platform.security.ResourceServer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
        return ResourceServer.defaults(http)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health/**", "/actuator/info", "/actuator/prometheus").permitAll()
                        .requestMatchers(HttpMethod.GET, "/codes/v3/api-docs/**").permitAll()
                        .requestMatchers(HttpMethod.GET, "/codes/api/v1/**").permitAll()
                        .requestMatchers(HttpMethod.POST, "/codes/api/v1/imports").hasAuthority("SCOPE_codes.write")
                        .anyRequest().authenticated())
                .build();
    }
}
