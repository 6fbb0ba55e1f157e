package org.example.deathcertificate.mtls;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.catalina.connector.Connector;
import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.apache.tomcat.util.net.SSLHostConfig;
import org.apache.tomcat.util.net.SSLHostConfigCertificate;
import org.example.platform.security.ProblemResponses;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.SecurityFilterChain;

/**
 * A second connector, with TLS and a required client certificate from a trusted CA, for the national service
 * platform; it serves only the RIVTA SOAP endpoints (/services). The handshake refuses an untrusted or expired
 * certificate; the filter chain of this connector then lets a subject call only the contracts configured for it
 * ({@code mtls.allowed-subjects}). With {@code mtls.revocation-list} the handshake also refuses a revoked certificate
 * ({@link RevocationList}). Bearer tokens stay the way in on the service's own port.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "mtls.enabled", havingValue = "true")
class MutualTlsConfiguration {

    /** The prefix of the sender name of a certificate (the token's client id is the sender otherwise). */
    static final String SENDER_PREFIX = "tls:";

    private static final String CONTRACT_AUTHORITY = "RIVTA_";

    @Bean
    Connector mutualTlsConnector(MutualTlsProperties properties, SslBundles bundles) {
        var bundle = bundles.getBundle(properties.bundle());
        var stores = bundle.getStores();
        if (stores.getKeyStore() == null || stores.getTrustStore() == null) {
            throw new IllegalStateException("SSL bundle '" + properties.bundle()
                    + "' needs a keystore (this server's key and certificate) and a truststore (the trusted CAs)");
        }
        var connector = new Connector(TomcatServletWebServerFactory.DEFAULT_PROTOCOL);
        connector.setPort(properties.port());
        connector.setScheme("https");
        connector.setSecure(true);
        var protocol = (AbstractHttp11Protocol<?>) connector.getProtocolHandler();
        protocol.setSSLEnabled(true);
        var ssl = new SSLHostConfig();
        ssl.setHostName(protocol.getDefaultSSLHostConfigName());
        ssl.setSslProtocol(bundle.getProtocol());
        ssl.setProtocols("TLSv1.2+TLSv1.3");
        ssl.setCertificateVerification("required");
        ssl.setTrustStore(stores.getTrustStore());
        if (properties.revocationList() != null) {
            // Tomcat's PKIX trust manager then checks every client certificate against the list (and refuses all of
            // them once the list is out of date); RevocationList reads it again when the file changes
            RevocationList.read(properties.revocationList());
            ssl.setCertificateRevocationListFile(
                    properties.revocationList().toAbsolutePath().toString());
        }
        var certificate = new SSLHostConfigCertificate(ssl, SSLHostConfigCertificate.Type.UNDEFINED);
        certificate.setCertificateKeystore(stores.getKeyStore());
        certificate.setCertificateKeystorePassword(
                stores.getKeyStorePassword() != null ? stores.getKeyStorePassword() : "");
        if (bundle.getKey().getPassword() != null) {
            certificate.setCertificateKeyPassword(bundle.getKey().getPassword());
        }
        if (bundle.getKey().getAlias() != null) {
            certificate.setCertificateKeyAlias(bundle.getKey().getAlias());
        }
        ssl.addCertificate(certificate);
        protocol.addSslHostConfig(ssl);
        return connector;
    }

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> mutualTlsConnectorCustomizer(
            Connector mutualTlsConnector) {
        return factory -> factory.addAdditionalTomcatConnectors(mutualTlsConnector);
    }

    /** Everything that arrives on the mutual-TLS connector, before the bearer-token chain sees anything. */
    @Bean
    @Order(0)
    SecurityFilterChain mutualTlsFilterChain(
            HttpSecurity http, Connector mutualTlsConnector, MutualTlsProperties properties) throws Exception {
        return http.securityMatcher(request -> request.getLocalPort() == mutualTlsConnector.getLocalPort())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .x509(x509 -> x509.x509PrincipalExtractor(certificate ->
                                CertificateSubject.of(certificate).orElse(null))
                        .authenticationUserDetailsService(token -> caller(token.getName(), properties)))
                .authorizeHttpRequests(requests -> requests.requestMatchers(HttpMethod.GET, "/services/**")
                        .authenticated()
                        .requestMatchers(HttpMethod.POST, "/services/**")
                        .access((authentication, context) -> new AuthorizationDecision(authentication
                                .get()
                                .getAuthorities()
                                .contains(new SimpleGrantedAuthority(CONTRACT_AUTHORITY
                                        + contract(context.getRequest().getRequestURI())))))
                        .anyRequest()
                        .denyAll())
                .exceptionHandling(errors -> errors.authenticationEntryPoint(
                                (request, response, ex) -> refuse(request.getRequestURI(), response))
                        .accessDeniedHandler((request, response, ex) -> refuse(request.getRequestURI(), response)))
                .build();
    }

    /** A caller whose subject is configured for at least one contract, with one authority per contract. */
    private static User caller(String subject, MutualTlsProperties properties) {
        if (!properties.knows(subject)) {
            throw new UsernameNotFoundException("The certificate subject may call no contract");
        }
        var contracts = properties.allowedSubjects().entrySet().stream()
                .filter(entry -> entry.getValue().contains(subject))
                .map(entry -> new SimpleGrantedAuthority(CONTRACT_AUTHORITY + entry.getKey()))
                .toList();
        return new User(SENDER_PREFIX + subject, "", contracts);
    }

    /**
     * The contract a RIVTA address names: {@code .../RegisterCertificate/3/rivtabp21} is RegisterCertificate (the
     * segment two before the profile), in lower case as the authorities are.
     */
    static String contract(String path) {
        List<String> segments = Arrays.asList(path.split("/"));
        for (int i = segments.size() - 1; i >= 2; i--) {
            if (segments.get(i).toLowerCase(Locale.ROOT).startsWith("rivtabp")) {
                return segments.get(i - 2).toLowerCase(Locale.ROOT);
            }
        }
        return "";
    }

    private static void refuse(String path, HttpServletResponse response) throws IOException {
        ProblemResponses.write(
                response,
                HttpStatus.FORBIDDEN,
                "Forbidden",
                "The client certificate's subject may not call this contract.",
                path);
    }
}
