package org.example.gateway.routing;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.HttpHost;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.client.loadbalancer.LoadBalancerClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.handler.SimpleUrlHandlerMapping;

/**
 * The routes: each service's fixed path prefixes go to its {@link ServiceProxy}, found before any other handler. Paths
 * are passed on unchanged: each service serves its own prefix, so a service reached directly answers the same paths as
 * through the gateway.
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
    SimpleUrlHandlerMapping serviceRoutes(
            RoutingProperties services,
            CloseableHttpClient proxyClient,
            ObjectProvider<LoadBalancerClient> balancer,
            UnavailableServiceHandler unavailable) {
        var routes = new LinkedHashMap<String, Object>();
        Map.of(
                        FMB, new String[] {"/fmb/**"},
                        CODESERVER, new String[] {"/codes/**", "/fhir", "/fhir/**"},
                        HOSP, new String[] {"/hosp/**"},
                        DEATH_CERTIFICATES, new String[] {"/death-certificates/**", "/services/**"})
                .forEach((service, paths) -> {
                    var proxy =
                            new ServiceProxy(service, replicas(service, services, balancer), proxyClient, unavailable);
                    for (var path : paths) {
                        routes.put(path, proxy);
                    }
                });
        return new SimpleUrlHandlerMapping(routes, Ordered.HIGHEST_PRECEDENCE);
    }

    /** The one replica, or the balancer's choice among several (null when none is ready). */
    private static Supplier<HttpHost> replicas(
            String service, RoutingProperties services, ObjectProvider<LoadBalancerClient> balancer) {
        var urls = services.replicas(service);
        if (urls.size() == 1) {
            var only = host(urls.get(0));
            return () -> only;
        }
        return () -> {
            var instance = balancer.getObject().choose(service);
            return instance == null ? null : host(instance.getUri());
        };
    }

    private static HttpHost host(URI url) {
        return new HttpHost(url.getScheme(), url.getHost(), url.getPort());
    }
}
