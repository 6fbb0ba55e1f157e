package org.example.fmb.system;

import org.example.platform.security.ResourceServer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    SecurityFilterChain apiSecurityFilterChain(HttpSecurity http) throws Exception {
        return ResourceServer.defaults(http)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health/**", "/actuator/info", "/actuator/prometheus").permitAll()
                        .requestMatchers(HttpMethod.GET, "/fmb/v3/api-docs/**").permitAll()
                        .requestMatchers(HttpMethod.GET, "/fmb/forsakringsmedicinskdiagnosinformation",
                                "/fmb/forsakringsmedicinskdiagnosinformation/*", "/fmb/typfall", "/fmb/typfall/*")
                        .permitAll()
                        .requestMatchers(HttpMethod.GET, "/fmb/api/v1/diagnoses", "/fmb/api/v1/diagnoses/**",
                                "/fmb/api/v1/principles", "/fmb/diagnoser", "/fmb/diagnoser/*", "/fmb/principer",
                                "/fmb/css/**").permitAll()
                        .requestMatchers(HttpMethod.POST, "/fmb/api/v1/sick-leave-checks").hasAuthority("SCOPE_fmb.read")
                        .requestMatchers("/fmb/api/v1/statistics/**").hasAuthority("SCOPE_fmb.write")
                        .requestMatchers(HttpMethod.POST, "/fmb/api/v1/authoring/diagnoses/*/versions/*/approval",
                                "/fmb/api/v1/authoring/diagnoses/*/versions/*/return",
                                "/fmb/api/v1/authoring/diagnoses/*/versions/*/publication",
                                "/fmb/api/v1/authoring/diagnoses/*/retirement",
                                "/fmb/api/v1/authoring/principles/versions/*/approval",
                                "/fmb/api/v1/authoring/principles/versions/*/return",
                                "/fmb/api/v1/authoring/principles/versions/*/publication").hasAuthority("SCOPE_fmb.review")
                        .requestMatchers(HttpMethod.GET, "/fmb/api/v1/authoring/**")
                        .hasAnyAuthority("SCOPE_fmb.write", "SCOPE_fmb.review")
                        .requestMatchers("/fmb/api/v1/authoring/**").hasAuthority("SCOPE_fmb.write")
                        .anyRequest().authenticated())
                .build();
    }
}
