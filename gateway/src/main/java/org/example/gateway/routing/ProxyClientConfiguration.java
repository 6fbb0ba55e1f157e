package org.example.gateway.routing;

import java.time.Duration;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.util.Timeout;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The HTTP client the gateway calls the services with: Apache HttpClient 5 with a pool of keep-alive connections
 * sized for the gateway's own request threads (HttpClient's default of 5 connections per service would queue
 * requests). Answers pass through as the service wrote them: compressed when the caller asked for it, with their
 * cookies (which the client does not keep), and redirects are never followed, so a service's 302 (the editor's login)
 * reaches the browser.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ProxyClientConfiguration.ProxyClientProperties.class)
class ProxyClientConfiguration {

    @Bean(destroyMethod = "close")
    CloseableHttpClient proxyClient(ProxyClientProperties settings) {
        var connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnPerRoute(settings.maxPerService())
                .setMaxConnTotal(settings.maxPerService() * 4)
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(settings.connectTimeout()))
                        .setSocketTimeout(Timeout.of(settings.readTimeout()))
                        .build())
                .build();
        return HttpClients.custom()
                .setConnectionManager(connections)
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(Timeout.of(settings.readTimeout()))
                        .build())
                // the caller's Accept-Encoding goes to the service and its gzip comes back untouched
                .disableContentCompression()
                // a service's cookies are its caller's: the proxy's client must not keep one caller's session cookie
                // and send it with the next caller's requests
                .disableCookieManagement()
                // redirects go to the caller; no authentication or connection state of the gateway's own: fewer steps
                // in the client's chain per request
                .disableRedirectHandling()
                .disableAuthCaching()
                .disableConnectionState()
                .build();
    }

    /**
     * {@code gateway.proxy-client}: connections kept to each service, the time to connect to one, and how long the
     * gateway waits for a service's answer (then the caller gets 503).
     */
    @ConfigurationProperties("gateway.proxy-client")
    record ProxyClientProperties(
            @DefaultValue("200") int maxPerService,
            @DefaultValue("5s") Duration connectTimeout,
            @DefaultValue("60s") Duration readTimeout) {}
}
