package org.example.deathcertificate.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.LiteWebJarsResourceResolver;

/**
 * Serves the pages' own scripts and styles and the chart library (uPlot, a WebJar) under /death-certificates, the
 * path the gateway routes to this service, so the pages load nothing from anywhere else.
 */
@Configuration(proxyBeanMethods = false)
class PageResourcesConfiguration implements WebMvcConfigurer {

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/death-certificates/assets/**")
                .addResourceLocations("classpath:/pages/assets/")
                .setCachePeriod(3600);
        registry.addResourceHandler("/death-certificates/webjars/**")
                .addResourceLocations("classpath:/META-INF/resources/webjars/")
                .setCachePeriod(86400)
                .resourceChain(true)
                .addResolver(new LiteWebJarsResourceResolver());
    }
}
