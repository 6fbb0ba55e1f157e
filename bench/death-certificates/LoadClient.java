import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A closed-loop load client for the death-certificate benchmarks, where wrk cannot go: over mutual TLS (a client
 * certificate and key in PEM), and for the PDF. CONNECTIONS threads each send one request after the other for
 * WARMUP, then for DURATION; prints requests/s, latency percentiles and answers that were not right.
 *
 *   java LoadClient.java register URL [TEMPLATE]   RegisterCertificate, a new certificate id per request
 *   java LoadClient.java get URL                   GET (the PDF); expects 200 and application/pdf
 *
 * Environment: TOKEN (bearer, optional), CERT/KEY/CA (PEM files: client certificate, its PKCS#8 key, trusted CA),
 * CONNECTIONS (8), DURATION (30 s), WARMUP (10 s).
 */
public class LoadClient {

    public static void main(String[] args) throws Exception {
        var mode = args[0];
        var url = URI.create(args[1]);
        var template = args.length > 2 ? Files.readString(Path.of(args[2])) : null;
        var connections = Integer.parseInt(env("CONNECTIONS", "8"));
        var duration = Duration.ofSeconds(Long.parseLong(env("DURATION", "30")));
        var warmup = Duration.ofSeconds(Long.parseLong(env("WARMUP", "10")));
        var builder = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10));
        if (System.getenv("CERT") != null) {
            builder.sslContext(tls(Path.of(System.getenv("CERT")), Path.of(System.getenv("KEY")), Path.of(System.getenv("CA"))));
        }
        var client = builder.build();
        var token = System.getenv("TOKEN");
        var run = Long.toString(System.currentTimeMillis(), 36);
        var counter = new AtomicLong();
        System.out.printf("warm-up %d s ...%n", warmup.toSeconds());
        var warm = measure(client, mode, url, template, token, run, counter, connections, warmup);
        System.out.printf("warm-up requests: %d%n", warm.latencies().size());
        System.out.printf("measuring %s %s: %d connections, %d s%n", mode, url, connections, duration.toSeconds());
        var result = measure(client, mode, url, template, token, run, counter, connections, duration);
        var latencies = result.latencies();
        latencies.sort(null);
        System.out.printf("requests: %d in %.1f s = %.1f/s%n", latencies.size(), result.seconds(), latencies.size() / result.seconds());
        System.out.printf("latency p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms%n", percentile(latencies, 50),
                percentile(latencies, 90), percentile(latencies, 99), percentile(latencies, 100));
        System.out.printf("answers not OK: %d of %d%n", result.failures(), latencies.size());
    }

    record Result(List<Long> latencies, long failures, double seconds) {
    }

    static Result measure(HttpClient client, String mode, URI url, String template, String token, String run,
            AtomicLong counter, int connections, Duration duration) throws InterruptedException {
        var all = new ArrayList<Long>();
        var failures = new AtomicLong();
        var threads = new ArrayList<Thread>();
        var perThread = new ArrayList<List<Long>>();
        var started = System.nanoTime();
        var end = started + duration.toNanos();
        for (int i = 0; i < connections; i++) {
            var mine = new ArrayList<Long>();
            perThread.add(mine);
            var thread = new Thread(() -> {
                while (System.nanoTime() < end) {
                    var request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(30));
                    if (token != null && !token.isBlank()) {
                        request.header("Authorization", "Bearer " + token);
                    }
                    if (mode.equals("register")) {
                        var body = template.replace("{{ID}}", "bench-" + run + "-" + counter.incrementAndGet());
                        request.header("Content-Type", "text/xml; charset=UTF-8").header("SOAPAction", "\"\"")
                                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
                    }
                    var begin = System.nanoTime();
                    try {
                        var response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
                        mine.add(System.nanoTime() - begin);
                        if (!ok(mode, response)) {
                            failures.incrementAndGet();
                        }
                    } catch (Exception e) {
                        mine.add(System.nanoTime() - begin);
                        failures.incrementAndGet();
                    }
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (var thread : threads) {
            thread.join();
        }
        var seconds = (System.nanoTime() - started) / 1e9;
        perThread.forEach(all::addAll);
        return new Result(all, failures.get(), seconds);
    }

    static boolean ok(String mode, HttpResponse<byte[]> response) {
        if (response.statusCode() != 200) {
            return false;
        }
        if (mode.equals("register")) {
            return new String(response.body(), StandardCharsets.UTF_8).contains("<resultCode>OK</resultCode>");
        }
        return response.headers().firstValue("Content-Type").orElse("").startsWith("application/pdf")
                && response.body().length > 1000;
    }

    static double percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1))) / 1e6;
    }

    static SSLContext tls(Path certificate, Path key, Path ca) throws Exception {
        var certificates = CertificateFactory.getInstance("X.509");
        var clientCertificate = (X509Certificate) certificates.generateCertificate(new ByteArrayInputStream(Files.readAllBytes(certificate)));
        var caCertificate = (X509Certificate) certificates.generateCertificate(new ByteArrayInputStream(Files.readAllBytes(ca)));
        var pem = Files.readString(key).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        var keySpec = new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem));
        var privateKey = KeyFactory.getInstance(clientCertificate.getPublicKey().getAlgorithm()).generatePrivate(keySpec);
        var keyStore = KeyStore.getInstance("PKCS12");
        keyStore.load(null, null);
        keyStore.setKeyEntry("client", privateKey, new char[0], new X509Certificate[] {clientCertificate});
        var keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keyStore, new char[0]);
        var trustStore = KeyStore.getInstance("PKCS12");
        trustStore.load(null, null);
        trustStore.setCertificateEntry("ca", caCertificate);
        var trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(trustStore);
        var context = SSLContext.getInstance("TLS");
        context.init(keyManagers.getKeyManagers(), trustManagers.getTrustManagers(), new SecureRandom());
        return context;
    }

    static String env(String name, String fallback) {
        var value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
