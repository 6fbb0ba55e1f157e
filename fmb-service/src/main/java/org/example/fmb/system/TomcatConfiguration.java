package org.example.fmb.system;

import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The HTTP connector's socket write buffer holds a whole diagnosis answer with its headers (4–25 kB plain), so the
 * prepared bytes of a lookup leave in one write to the socket instead of one per 8 kB (Tomcat's default). It is per
 * connection: 32 kB for each of the gateway's pooled connections.
 */
@Configuration(proxyBeanMethods = false)
class TomcatConfiguration {

    static final int SOCKET_WRITE_BUFFER_BYTES = 32 * 1024;

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> socketWriteBuffer() {
        return factory -> factory.addConnectorCustomizers(connector ->
                connector.setProperty("socket.appWriteBufSize", String.valueOf(SOCKET_WRITE_BUFFER_BYTES)));
    }
}
