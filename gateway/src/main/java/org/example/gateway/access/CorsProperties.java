package org.example.gateway.access;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Origins of the web pages that may call the suite from a browser. */
@ConfigurationProperties("gateway.cors")
record CorsProperties(@DefaultValue("http://localhost:8080") List<String> allowedOrigins) {}
