package org.example.gateway.limits;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The limit filters run inside the security filter chain only, not a second time as plain servlet filters. */
@Configuration(proxyBeanMethods = false)
class LimitFilterRegistrations {

    @Bean
    FilterRegistrationBean<RateLimitFilter> rateLimitFilterRegistration(RateLimitFilter filter) {
        var registration = new FilterRegistrationBean<>(filter);
        registration.setEnabled(false);
        return registration;
    }
}
