package org.example.gateway.access;

import jakarta.servlet.Filter;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.handler.HandlerMappingIntrospector;

/**
 * One route look-up per request, Spring MVC's own. Spring Security 6.5 puts a filter in front of the security filter
 * chains of every Spring MVC application that looks up the handler of each request in advance and caches it
 * ({@link HandlerMappingIntrospector#createCacheFilter()}), for MVC request matchers and CORS configurations taken from
 * the handlers. The gateway has neither: its rules are path patterns (platform's {@code PathPatternRequestMatcher}s)
 * and its CORS configuration has a source of its own ({@link AccessConfiguration#corsConfigurationSource}), so that
 * look-up would be a second one on every proxied request. Spring MVC's introspector is replaced by one whose cache filter passes the request on; asked
 * without a cache (nothing on the request's path does), it still looks the handler up itself.
 */
@Configuration(proxyBeanMethods = false)
class RouteLookupConfiguration {

    static final String INTROSPECTOR = "mvcHandlerMappingIntrospector";

    @Bean
    static BeanDefinitionRegistryPostProcessor introspectorWithoutAdvanceLookup() {
        return registry -> {
            if (registry.containsBeanDefinition(INTROSPECTOR)) {
                registry.removeBeanDefinition(INTROSPECTOR);
                registry.registerBeanDefinition(
                        INTROSPECTOR, new RootBeanDefinition(IntrospectorWithoutAdvanceLookup.class));
            }
        };
    }

    static final class IntrospectorWithoutAdvanceLookup extends HandlerMappingIntrospector {

        @Override
        public Filter createCacheFilter() {
            return (request, response, chain) -> chain.doFilter(request, response);
        }
    }
}
