package org.example.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.example.platform.error.ApiExceptionHandler;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The body-size limit every service gets from the platform, over real HTTP, with declared and chunked bodies. */
@SpringBootTest(
        classes = RequestSizeFilterTests.App.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"platform.web.max-request-size=4KB", "suite.embedded-database.enabled=false"})
class RequestSizeFilterTests {

    final HttpClient client = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Test
    void refusesAChunkedBodyOverTheLimitAsItStreamsIntoSpringMvc() throws Exception {
        var response = send("/echo", chunked(5000));
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("\"status\":413").contains("4 KB").doesNotContain("xxxx");
    }

    @Test
    void refusesAChunkedBodyOverTheLimitReadByAPlainServlet() throws Exception {
        // the way the SOAP (CXF) and FHIR (HAPI) servlets read their bodies, outside Spring MVC
        var response = send("/raw", chunked(64 * 1024));
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(RawServlet.completed).isZero();
    }

    @Test
    void answers413EvenWhenTheReaderWritesAnErrorOfItsOwn() throws Exception {
        // as CXF does: it catches the failed read and writes (and flushes) a SOAP fault with status 500
        var response = send("/fault", chunked(64 * 1024));
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).doesNotContain("Fault");
        assertThat(send("/fault", chunked(100)).body()).isEqualTo("read 100");
    }

    @Test
    void refusesADeclaredBodyOverTheLimitBeforeReadingIt() throws Exception {
        var response = send("/echo", HttpRequest.BodyPublishers.ofString("x".repeat(5000)));
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void passesChunkedAndDeclaredBodiesWithinTheLimit() throws Exception {
        var chunked = send("/echo", chunked(4096));
        assertThat(chunked.statusCode()).isEqualTo(200);
        assertThat(chunked.body()).isEqualTo("4096");
        assertThat(send("/echo", HttpRequest.BodyPublishers.ofString("x".repeat(1000)))
                        .body())
                .isEqualTo("1000");
    }

    private static HttpRequest.BodyPublisher chunked(int size) {
        // an input stream of unknown length: the client sends it with Transfer-Encoding: chunked
        return HttpRequest.BodyPublishers.ofInputStream(
                () -> new ByteArrayInputStream("x".repeat(size).getBytes()));
    }

    private HttpResponse<String> send(String path, HttpRequest.BodyPublisher body) throws Exception {
        return client.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Content-Type", "text/plain")
                        .POST(body)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    @Import({ApiExceptionHandler.class, EchoController.class})
    static class App {

        @Bean
        SecurityFilterChain open(HttpSecurity http) throws Exception {
            return http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                    .csrf(csrf -> csrf.disable())
                    .build();
        }

        @Bean
        ServletRegistrationBean<RawServlet> raw() {
            return new ServletRegistrationBean<>(new RawServlet(), "/raw");
        }

        @Bean
        ServletRegistrationBean<FaultingServlet> fault() {
            return new ServletRegistrationBean<>(new FaultingServlet(), "/fault");
        }
    }

    @RestController
    static class EchoController {

        @PostMapping("/echo")
        String echo(@RequestBody String body) {
            return Integer.toString(body.length());
        }
    }

    static class RawServlet extends HttpServlet {

        static volatile int completed;

        @Override
        protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
            var bytes = request.getInputStream().readAllBytes();
            completed++;
            response.getWriter().print(bytes.length);
        }
    }

    static class FaultingServlet extends HttpServlet {

        @Override
        protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
            try {
                var bytes = request.getInputStream().readAllBytes();
                response.getWriter().print("read " + bytes.length);
            } catch (IOException e) {
                response.setStatus(500);
                response.setContentType("text/xml");
                response.getWriter().print("<soap:Fault>" + e.getMessage() + "</soap:Fault>");
                response.flushBuffer();
            }
        }
    }
}
