package org.example.gateway.routing;

import static org.springframework.cloud.gateway.server.mvc.filter.AfterFilterFunctions.removeResponseHeader;
import static org.springframework.cloud.gateway.server.mvc.filter.BeforeFilterFunctions.uri;
import static org.springframework.cloud.gateway.server.mvc.filter.LoadBalancerFilterFunctions.lb;
import static org.springframework.cloud.gateway.server.mvc.handler.GatewayRouterFunctions.route;
import static org.springframework.cloud.gateway.server.mvc.handler.HandlerFunctions.http;
import static org.springframework.cloud.gateway.server.mvc.predicate.GatewayRequestPredicates.path;

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
 *
 * <p>A service with one base URL (one replica, or a Kubernetes Service that balances itself) is called at that URL; a
 * service with several is balanced by Spring Cloud LoadBalancer over them ({@link ReplicaConfiguration}).
 */
@Configuration(proxyBeanMethods = false)
class RoutingConfiguration {

    static final String FMB = "fmb";
    static final String CODESERVER = "codeserver";
    static final String HOSP = "hosp";
    static final String DEATH_CERTIFICATES = "death-certificates";

    @Bean
    RouterFunction<ServerResponse> fmbRoute(RoutingProperties services) {
        return to(FMB, services, "/fmb/**");
    }

    @Bean
    RouterFunction<ServerResponse> codeserverRoute(RoutingProperties services) {
        return to(CODESERVER, services, "/codes/**", "/fhir", "/fhir/**");
    }

    @Bean
    RouterFunction<ServerResponse> hospRoute(RoutingProperties services) {
        return to(HOSP, services, "/hosp/**");
    }

    @Bean
    RouterFunction<ServerResponse> deathCertificateRoute(RoutingProperties services) {
        return to(DEATH_CERTIFICATES, services, "/death-certificates/**", "/services/**");
    }

    private static RouterFunction<ServerResponse> to(String id, RoutingProperties services, String... paths) {
        var replicas = services.replicas(id);
        var route = route(id).route(path(paths), http());
        route = replicas.size() == 1 ? route.before(uri(replicas.get(0))) : route.filter(lb(id));
        return route.after(removeResponseHeader(RequestIdFilter.HEADER)).build();
    }
}
