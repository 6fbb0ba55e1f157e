package org.example.reactivetrial.routing;

import org.example.platform.security.SuiteAccess;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One route per service of the suite, on the path patterns its access list names (the real gateway's routes);
 * paths pass unchanged and bodies stream through Netty in both directions. Over {@code max-request-size} a declared
 * body is refused (413) before the service is called.
 */
@Configuration(proxyBeanMethods = false)
class RoutingConfiguration {

    @Bean
    RouteLocator routes(RouteLocatorBuilder builder, RoutingProperties properties) {
        var routes = builder.routes();
        for (var service : SuiteAccess.SERVICES) {
            var target = properties.services().get(service.audience());
            if (target == null) {
                throw new IllegalStateException("No URL for the service " + service.audience()
                        + ": set trial.routing.services." + service.audience());
            }
            routes.route(
                    service.audience(),
                    route -> route.path(service.routes().toArray(String[]::new))
                            .filters(filters -> filters.setRequestSize(properties.maxRequestSize()))
                            .uri(target));
        }
        return routes.build();
    }
}
