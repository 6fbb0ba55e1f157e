package org.example.gateway.routing;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpComponentsClientHttpRequestFactoryBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The HTTP client the gateway calls the services with: Apache HttpClient 5 with a pool of keep-alive connections
 * sized for the gateway's own request threads (HttpClient's default of 5 connections per service would queue
 * requests). Answers pass through as the service wrote them: compressed when the caller asked for it, with their
 * cookies (which the client does not keep), and redirects are never followed (Spring Cloud Gateway sets
 * {@code spring.http.client.redirects} to {@code dont-follow}), so a service's 302 (the editor's login) reaches the
 * browser.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ProxyClientConfiguration.PoolProperties.class)
class ProxyClientConfiguration {

    @Bean
    HttpComponentsClientHttpRequestFactoryBuilder proxyClientFactoryBuilder(PoolProperties pool) {
        return ClientHttpRequestFactoryBuilder.httpComponents()
                .withHttpClientCustomizer(client -> client
                        // the caller's Accept-Encoding goes to the service and its gzip comes back untouched
                        .disableContentCompression()
                        // a service's cookies are its caller's: the proxy's client must not keep one caller's session
                        // cookie and send it with the next caller's requests
                        .disableCookieManagement()
                        // redirects go to the caller (Spring Cloud Gateway's dont-follow); no authentication or
                        // connection state of the gateway's own: fewer steps in the client's chain per request
                        .disableRedirectHandling()
                        .disableAuthCaching()
                        .disableConnectionState())
                .withConnectionManagerCustomizer(connections ->
                        connections.setMaxConnPerRoute(pool.maxPerService()).setMaxConnTotal(pool.maxPerService() * 4));
    }

    /** {@code gateway.proxy-client.max-per-service}: connections kept to each service. */
    @ConfigurationProperties("gateway.proxy-client")
    record PoolProperties(@DefaultValue("200") int maxPerService) {}
}
