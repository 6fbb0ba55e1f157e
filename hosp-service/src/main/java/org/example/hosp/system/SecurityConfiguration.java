package org.example.hosp.system;

import org.example.platform.security.ResourceServer;
import org.example.platform.security.SuiteAccess;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/** Who may call what: the suite's one access list for this service ({@link SuiteAccess#HOSP}), which the gateway enforces too. */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
        return ResourceServer.protect(http, SuiteAccess.HOSP).build();
    }
}
