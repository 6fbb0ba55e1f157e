package org.example.deathcertificate.coding;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import org.example.deathcertificate.certificate.CauseLine;
import org.example.deathcertificate.certificate.CauseLine.Specification;
import org.example.deathcertificate.certificate.NewCertificate;
import org.example.deathcertificate.certificate.NewCertificate.Ground;
import org.example.deathcertificate.certificate.NewCertificate.InjuryCause;
import org.example.deathcertificate.certificate.NewCertificate.Operation;
import org.example.deathcertificate.certificate.NewCertificate.PlaceOfDeath;
import org.example.platform.security.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One Spring context for the coding, export and statistics tests: the service on a random port with the embedded
 * PostgreSQL, test tokens, the code server's JSON API over HTTP ({@link CodeServerDouble}), and a form login with
 * two coders for the pages.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "coding.pages-login=form")
@Import({TestTokens.Config.class, CodingTestSupport.Users.class})
public abstract class CodingTestSupport {

    protected static final String API = "/death-certificates/api/v1";

    // fresh tokens for every request: a test token lives five minutes, and a whole verify run is longer
    protected static String webcert() {
        return "Bearer " + TestTokens.token("webcert", null, null, "certificates.submit");
    }

    protected static String coder() {
        return "Bearer " + TestTokens.token("coder-anna", null, null, "certificates.read", "certificates.code");
    }

    protected static String secondCoder() {
        return "Bearer " + TestTokens.token("coder-bertil", null, null, "certificates.read", "certificates.code");
    }

    protected static String reader() {
        return "Bearer " + TestTokens.token("reader", null, null, "certificates.read");
    }

    protected static final CodeServerDouble CODE_SERVER = new CodeServerDouble();

    @Autowired
    protected TestRestTemplate http;

    @Autowired
    protected ObjectMapper json;

    @DynamicPropertySource
    static void codeServer(DynamicPropertyRegistry registry) {
        registry.add("coding.codeserver-url", CODE_SERVER::url);
    }

    @AfterEach
    void codeServerUp() {
        CODE_SERVER.down = false;
    }

    /** Sends a request; {@code uriVariables} fill the path's {@code {…}} variables (encoded as text). */
    protected ResponseEntity<JsonNode> send(
            HttpMethod method, String path, String authorization, Object body, Object... uriVariables) {
        var headers = new HttpHeaders();
        if (authorization != null) {
            headers.set(HttpHeaders.AUTHORIZATION, authorization);
        }
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.exchange(path, method, new HttpEntity<>(body, headers), JsonNode.class, uriVariables);
    }

    /** A natural death: A acute myocardial infarction, B chronic ischaemic heart disease, C type 2 diabetes. */
    protected static NewCertificate natural(String id, LocalDate dateOfDeath, String municipality) {
        return certificate(id, dateOfDeath, municipality, false);
    }

    /** A death after a fall: A hip fracture, line 12 "fall i trappa". */
    protected static NewCertificate injury(String id, LocalDate dateOfDeath) {
        return certificate(id, dateOfDeath, "Lund", true);
    }

    private static NewCertificate certificate(String id, LocalDate death, String municipality, boolean injury) {
        var chain = injury
                ? new CauseLine("Kollumfraktur", death.minusDays(3), Specification.PLOTSLIG)
                : new CauseLine("Akut hjärtinfarkt", death.minusDays(2), Specification.PLOTSLIG);
        List<CauseLine> following = injury
                ? List.of()
                : List.of(
                        new CauseLine("Kronisk ischemisk hjärtsjukdom", death.minusYears(3), Specification.KRONISK),
                        new CauseLine("Diabetes mellitus typ 2", death.minusYears(10), Specification.KRONISK));
        return new NewCertificate(
                new NewCertificate.Identity(id, "DOI", "1.0"),
                new NewCertificate.Deceased("192703104329", null, null, null, null, "körkort"),
                new NewCertificate.Death(true, death.toString(), null, municipality, PlaceOfDeath.SJUKHUS, false),
                new NewCertificate.Causes(
                        chain,
                        following,
                        List.of(new CauseLine("Essentiell hypertoni", death.minusYears(5), Specification.KRONISK))),
                new NewCertificate.Surgery(Operation.NEJ, null, null),
                new NewCertificate.Injury(
                        injury,
                        injury ? InjuryCause.OLYCKSFALL : null,
                        injury ? death.minusDays(3) : null,
                        injury ? "Fall i trappa" : null),
                new NewCertificate.Basis(List.of(Ground.UNDERSOKNING_FORE_DODEN), null, null),
                new NewCertificate.Signing(
                        LocalDateTime.of(death, java.time.LocalTime.NOON),
                        "SE2321000016-6G5R",
                        "SE2321000016-H489",
                        "SE2321000016-39KJ"));
    }

    protected String register(NewCertificate certificate) {
        var answer = send(HttpMethod.POST, API + "/certificates", webcert(), certificate);
        if (answer.getStatusCode() != HttpStatus.CREATED) {
            throw new IllegalStateException("test certificate refused: " + answer.getBody());
        }
        return certificate.certificateId();
    }

    protected static String newId() {
        return "test-" + UUID.randomUUID();
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Users {

        @Bean
        UserDetailsService pageUsers() {
            return new InMemoryUserDetailsManager(
                    User.withUsername("coder")
                            .password("{noop}coder-password")
                            .authorities("SCOPE_certificates.code", "SCOPE_certificates.read")
                            .build(),
                    User.withUsername("second-coder")
                            .password("{noop}second-coder-password")
                            .authorities("SCOPE_certificates.code", "SCOPE_certificates.read")
                            .build());
        }
    }
}
