package org.example.fmb.system;

import org.example.platform.security.ResourceServer;
import org.example.platform.security.SuiteAccess;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/** The API and public pages: the suite's one access list for FMB ({@link SuiteAccess#FMB}). */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
        return ResourceServer.protect(http, SuiteAccess.FMB).build();
    }
}
