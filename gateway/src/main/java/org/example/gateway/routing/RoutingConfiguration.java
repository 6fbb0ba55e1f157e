package org.example.gateway.routing;

import static org.springframework.cloud.gateway.server.mvc.filter.AfterFilterFunctions.removeResponseHeader;
import static org.springframework.cloud.gateway.server.mvc.filter.BeforeFilterFunctions.uri;
import static org.springframework.cloud.gateway.server.mvc.handler.GatewayRouterFunctions.route;
import static org.springframework.cloud.gateway.server.mvc.handler.HandlerFunctions.http;
import static org.springframework.cloud.gateway.server.mvc.predicate.GatewayRequestPredicates.path;

import java.net.URI;
import org.example.platform.web.RequestIdFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The routes. Paths are passed on unchanged: each service serves its own prefix, so a service reached
 * directly answers the same paths as through the gateway. The request id travels as a request header (the platform's
 * {@link RequestIdFilter} has settled it: the caller's or a new one); the caller gets it once, from the gateway, not a
 * second time from the service's answer.
 */
@Configuration(proxyBeanMethods = false)
class RoutingConfiguration {

    @Bean
    RouterFunction<ServerResponse> fmbRoute(RoutingProperties services) {
        return to("fmb", services.fmb(), "/fmb/**");
    }

    @Bean
    RouterFunction<ServerResponse> codeserverRoute(RoutingProperties services) {
        return to("codeserver", services.codeserver(), "/codes/**", "/fhir", "/fhir/**");
    }

    @Bean
    RouterFunction<ServerResponse> hospRoute(RoutingProperties services) {
        return to("hosp", services.hosp(), "/hosp/**");
    }

    @Bean
    RouterFunction<ServerResponse> deathCertificateRoute(RoutingProperties services) {
        return to("death-certificates", services.deathCertificates(), "/death-certificates/**", "/services/**");
    }

    private static RouterFunction<ServerResponse> to(String id, URI service, String... paths) {
        return route(id)
                .route(path(paths), http())
                .before(uri(service))
                .after(removeResponseHeader(RequestIdFilter.HEADER))
                .build();
    }
}
