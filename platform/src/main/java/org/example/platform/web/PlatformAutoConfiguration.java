package org.example.platform.web;

import org.example.platform.error.ProblemDetailRedaction;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;

/**
 * Registers, first in every servlet application of the suite, the request-id filter, the body-size limit
 * ({@code platform.web.max-request-size}, default 20 MB) and the refusal of unreadable content types; and the
 * redaction of personal identity numbers from every problem detail.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class PlatformAutoConfiguration {

    @Bean
    FilterRegistrationBean<RequestIdFilter> requestIdFilter() {
        var registration = new FilterRegistrationBean<>(new RequestIdFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    FilterRegistrationBean<RequestSizeFilter> requestSizeFilter(
            @Value("${platform.web.max-request-size:${MAX_REQUEST_SIZE:20MB}}") DataSize maxRequestSize) {
        var registration = new FilterRegistrationBean<>(new RequestSizeFilter(maxRequestSize.toBytes()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    @Bean
    FilterRegistrationBean<ContentTypeFilter> contentTypeFilter() {
        var registration = new FilterRegistrationBean<>(new ContentTypeFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }

    @Bean
    ProblemDetailRedaction problemDetailRedaction() {
        return new ProblemDetailRedaction();
    }
}
