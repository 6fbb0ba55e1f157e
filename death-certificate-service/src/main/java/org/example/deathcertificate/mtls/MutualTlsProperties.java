package org.example.deathcertificate.mtls;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The mutual-TLS connector the national service platform calls.
 *
 * @param enabled         whether the connector is opened at all
 * @param port            its port (0: any free port)
 * @param bundle          the Spring Boot SSL bundle ({@code spring.ssl.bundle.pem.<name>} or {@code .jks.<name>})
 *                        holding this server's key and certificate (keystore) and the trusted CAs (truststore)
 * @param allowedSubjects per RIVTA contract (e.g. {@code RegisterCertificate}, any letter case), the subjects that
 *                        may call it: an organisation number or HSA-id, matched against the client certificate
 *                        subject's serialNumber, else its CN
 * @param revocationList  a certificate revocation list of the trusted CA (PEM or DER file, e.g. fetched from the CA's
 *                        distribution point by a job): a client certificate on it is refused in the handshake, and so
 *                        is every client certificate once the list is past its next update (fail closed)
 * @param revocationListCheck how often the file is read again; a changed list takes effect for new connections
 */
@Validated
@ConfigurationProperties("mtls")
record MutualTlsProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("8443") @Min(0) @Max(65535) int port,
        @DefaultValue("rivta") @NotBlank String bundle,
        Map<String, List<String>> allowedSubjects,
        Path revocationList,
        @DefaultValue("1m") Duration revocationListCheck) {

    MutualTlsProperties {
        allowedSubjects = allowedSubjects == null
                ? Map.of()
                : allowedSubjects.entrySet().stream()
                        .collect(Collectors.toUnmodifiableMap(
                                entry -> entry.getKey().toLowerCase(Locale.ROOT),
                                entry -> entry.getValue().stream()
                                        .map(String::strip)
                                        .toList()));
    }

    /** Whether the subject may call the contract. */
    boolean allows(String subject, String contract) {
        return contract != null
                && allowedSubjects
                        .getOrDefault(contract.toLowerCase(Locale.ROOT), List.of())
                        .contains(subject);
    }

    /** Whether the subject may call any contract at all. */
    boolean knows(String subject) {
        return allowedSubjects.values().stream().anyMatch(subjects -> subjects.contains(subject));
    }
}
