package org.example.codeserver.system;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import org.example.platform.security.ResourceServer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    private static final Set<String> READ_OPERATIONS =
            Set.of("$lookup", "$validate-code", "$expand", "$subsumes", "$translate", "$versions", "$batch-validate-code");

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
        return ResourceServer.defaults(http)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health/**", "/actuator/info", "/actuator/prometheus").permitAll()
                        .requestMatchers(HttpMethod.GET, "/codes/v3/api-docs/**").permitAll()
                        .requestMatchers(HttpMethod.GET, "/codes/api/v1/**").permitAll()
                        .requestMatchers(HttpMethod.POST, "/codes/api/v1/imports").hasAuthority("SCOPE_codes.write")
                        .requestMatchers(HttpMethod.GET, "/fhir/**").permitAll()
                        .requestMatchers(SecurityConfiguration::isFhirReadOperation).permitAll()
                        .requestMatchers("/fhir/**").hasAuthority("SCOPE_codes.write")
                        .anyRequest().authenticated())
                .build();
    }

    /** A POST of a FHIR read operation ($lookup, $validate-code, $expand, $subsumes, $translate): open data. */
    static boolean isFhirReadOperation(HttpServletRequest request) {
        var path = request.getRequestURI().substring(request.getContextPath().length()).replace("%24", "$");
        if (!"POST".equals(request.getMethod()) || !path.startsWith("/fhir/")) {
            return false;
        }
        var operation = path.substring(path.lastIndexOf('/') + 1);
        return READ_OPERATIONS.contains(operation);
    }
}
