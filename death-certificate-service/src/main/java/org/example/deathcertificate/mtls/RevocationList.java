package org.example.deathcertificate.mtls;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.apache.catalina.connector.Connector;
import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * The client-certificate revocation list of the mutual-TLS connector ({@code mtls.revocation-list}): read at the start
 * (a list that cannot be read stops the service rather than open a connector without it), then every
 * {@code mtls.revocation-list-check}; when the file's content has changed, the connector's TLS configuration is
 * reloaded, so a certificate revoked since is refused on the next connection without a restart. A list past its
 * next update is logged as an error: once Java's 15 minutes of grace for clocks have passed, the handshake refuses
 * every client until a current list is in place (fail closed).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = {"mtls.enabled", "mtls.revocation-list"})
class RevocationList implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(RevocationList.class);

    private final Path file;
    private final MutualTlsProperties properties;
    private final Connector connector;
    private final Clock clock;
    private byte[] digest;

    RevocationList(MutualTlsProperties properties, Connector mutualTlsConnector) {
        this.file = properties.revocationList();
        this.properties = properties;
        this.connector = mutualTlsConnector;
        this.clock = Clock.systemUTC();
        this.digest = digestOf(file);
        describe(read(file), "in use");
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        tasks.addFixedDelayTask(this::reloadIfChanged, properties.revocationListCheck());
    }

    /**
     * Reloads the connector's TLS configuration when the list's content has changed. Returns whether it did. A list
     * that cannot be read now is logged and the one in use is kept.
     */
    boolean reloadIfChanged() {
        try {
            var now = digestOf(file);
            if (Arrays.equals(now, digest)) {
                return false;
            }
            var crls = read(file);
            ((AbstractHttp11Protocol<?>) connector.getProtocolHandler()).reloadSslHostConfigs();
            digest = now;
            describe(crls, "reloaded");
            return true;
        } catch (IllegalStateException unreadable) {
            log.error("The revocation list {} could not be read; the one read before stays in use", file, unreadable);
            return false;
        }
    }

    /** The revocation lists in a PEM or DER file; an unreadable file, or one without a list, is refused. */
    static List<X509CRL> read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            var crls = CertificateFactory.getInstance("X.509").generateCRLs(in).stream()
                    .map(X509CRL.class::cast)
                    .toList();
            if (crls.isEmpty()) {
                throw new IllegalStateException("No certificate revocation list in " + file);
            }
            return crls;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot read the certificate revocation list " + file, e);
        }
    }

    private void describe(List<X509CRL> crls, String what) {
        var now = Instant.now(clock);
        for (var crl : crls) {
            var revoked = crl.getRevokedCertificates() == null
                    ? 0
                    : crl.getRevokedCertificates().size();
            var next = crl.getNextUpdate() == null ? null : crl.getNextUpdate().toInstant();
            if (next != null && next.isBefore(now)) {
                log.error(
                        "The revocation list of {} ({}) was due for renewal at {}: every client certificate is refused"
                                + " (after 15 minutes' grace) until a current list is in place",
                        crl.getIssuerX500Principal().getName(),
                        what,
                        next);
            } else {
                log.info(
                        "Revocation list of {} {}: {} revoked certificates, next update {}",
                        crl.getIssuerX500Principal().getName(),
                        what,
                        revoked,
                        next);
            }
        }
    }

    private static byte[] digestOf(Path file) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot read the certificate revocation list " + file, e);
        }
    }
}
