package org.example.gateway.routing;

import org.springframework.cloud.loadbalancer.annotation.LoadBalancerClients;
import org.springframework.context.annotation.Configuration;

/**
 * The replicas of each service for Spring Cloud LoadBalancer: the static list of base URLs from
 * {@link RoutingProperties}, chosen round robin (the balancer's default), each replica asked for its readiness
 * ({@code spring.cloud.loadbalancer.health-check.*}: path and interval, {@link Replicas}) and left out while it does not answer 200. When
 * none is ready the caller gets 503 ({@link UnavailableServiceHandler}). Used only by routes with more than one URL.
 */
@Configuration(proxyBeanMethods = false)
@LoadBalancerClients(defaultConfiguration = Replicas.class)
class ReplicaConfiguration {}
