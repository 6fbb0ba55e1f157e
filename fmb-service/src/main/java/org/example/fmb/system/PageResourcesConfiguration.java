package org.example.fmb.system;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.LiteWebJarsResourceResolver;

/** Serves the chart library of the follow-up page (uPlot, a WebJar) under /fmb, so the pages load nothing from elsewhere. */
@Configuration(proxyBeanMethods = false)
class PageResourcesConfiguration implements WebMvcConfigurer {

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/fmb/webjars/**")
                .addResourceLocations("classpath:/META-INF/resources/webjars/")
                .setCachePeriod(86400)
                .resourceChain(true)
                .addResolver(new LiteWebJarsResourceResolver());
    }
}
