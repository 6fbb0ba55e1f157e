package org.example.gateway.routing;

import java.net.URI;
import java.time.Duration;
import java.util.stream.IntStream;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.ClientHttpRequestFactorySettings;
import org.springframework.cloud.client.DefaultServiceInstance;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import org.springframework.cloud.loadbalancer.support.LoadBalancerClientFactory;
import org.springframework.cloud.loadbalancer.support.ServiceInstanceListSuppliers;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.web.client.RestClient;

/**
 * The replicas of one service, made in that service's own balancer context, whose {@code loadbalancer.client.name} names
 * the service. Not a {@code @Configuration}, so that scanning does not add it to the application's own context.
 */
class Replicas {

    @Bean
    ServiceInstanceListSupplier readyReplicas(
            ConfigurableApplicationContext context, Environment environment, RoutingProperties services) {
        var service = environment.getRequiredProperty(LoadBalancerClientFactory.PROPERTY_NAME);
        var urls = services.replicas(service);
        var instances = IntStream.range(0, urls.size())
                .mapToObj(i -> instance(service, i + 1, urls.get(i)))
                .toArray(ServiceInstance[]::new);
        return ServiceInstanceListSupplier.builder()
                .withBase(ServiceInstanceListSuppliers.from(service, instances))
                .withBlockingHealthChecks(healthChecks())
                .build(context);
    }

    private static ServiceInstance instance(String service, int number, URI url) {
        var secure = "https".equals(url.getScheme());
        var port = url.getPort() != -1 ? url.getPort() : secure ? 443 : 80;
        return new DefaultServiceInstance(service + "-" + number, service, url.getHost(), port, secure);
    }

    /** A health check must not hang: a replica that does not answer in time counts as not ready. */
    private static RestClient healthChecks() {
        var settings = ClientHttpRequestFactorySettings.defaults()
                .withConnectTimeout(Duration.ofSeconds(1))
                .withReadTimeout(Duration.ofSeconds(2));
        return RestClient.builder()
                .requestFactory(ClientHttpRequestFactoryBuilder.jdk().build(settings))
                .build();
    }
}
