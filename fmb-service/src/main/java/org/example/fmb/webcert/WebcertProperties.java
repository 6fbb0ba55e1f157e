package org.example.fmb.webcert;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param publicBaseUrl the base URL clients reach the service at (the gateway), used in {@code links.self}
 * @param apiVersion    the value of {@code meta.version}
 * @param timeZone      the zone of {@code meta.buildtimestamp} (FMB uses Swedish time, e.g. +0200)
 */
@ConfigurationProperties("fmb.webcert")
record WebcertProperties(
        @DefaultValue("http://localhost:8080") String publicBaseUrl,
        @DefaultValue("2.0.0") String apiVersion,
        @DefaultValue("Europe/Stockholm") String timeZone) {}
