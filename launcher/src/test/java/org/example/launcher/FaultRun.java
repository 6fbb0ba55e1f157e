package org.example.launcher;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * The fault harness: while certificates arrive over SOAP through the gateway (each retried on a SOAP fault, a 503, a
 * lost connection or a timeout, as the national platform retries) and HoSp lookups run, kills parts of a running local
 * suite with SIGKILL one after the other, waits for the launcher to start each again, and then compares what the
 * clients were told with what the databases hold.
 *
 * <p>It holds the suite to: every certificate answered OK (or "already exists" on a retry) is stored exactly once;
 * every HoSp answer that carried data has its audit row; every refusal was a 502/503 problem+json or a SOAP fault
 * (while the gateway itself is dead, a refused connection); no call hung past the timeout.
 *
 * <p>Run by {@code bench/faults/run.sh} (main, arguments {@code name=value}) and, smaller, by SuiteTests in verify.
 */
final class FaultRun {

    static final String SOAP_PATH = "/services/clinicalprocess/healthcond/certificate/RegisterCertificate/3/rivtabp21";
    static final List<String> PERSONS_WITH_DATA =
            List.of("197003122442", "198504172738", "197809223824", "198211069151");
    private static final Pattern RESULT_CODE = Pattern.compile("<(?:\\w+:)?resultCode>(\\w+)</");
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    private static final List<String> SERVICES =
            List.of("gateway", "fmb-service", "codeserver-service", "hosp-service", "death-certificate-service");

    /** What to run against and how hard. */
    record Settings(
            int portBase,
            int databasePort,
            Path dataDirectory,
            Path template,
            int soapClients,
            int hospClients,
            List<String> faults,
            Duration warmUp,
            Duration settle,
            Duration timeout,
            Duration recoveryLimit) {}

    /** The counts of a run and what in them breaks a promise (empty when all held). */
    record Report(
            long sent,
            long attempts,
            long ok,
            long okOnRepeat,
            long stored,
            long duplicates,
            long storedNotConfirmed,
            long gaveUp,
            long hospAnswers,
            long hospWithData,
            long auditRows,
            long missingAudit,
            Map<String, Long> refusals,
            long timeouts,
            Map<String, Long> recoverySeconds,
            List<String> problems,
            List<String> unexpectedAnswers) {

        /** Whether every promise held: nothing lost, nothing unaudited, no hang, and only refusals a client retries. */
        boolean held() {
            return problems.isEmpty() && unexpectedAnswers.isEmpty();
        }

        String text() {
            return String.format(
                    """
                    certificates sent %d (SOAP calls %d): answered OK %d, OK as "already exists" on a retry %d, \
                    given up %d
                    stored %d, duplicates %d, stored but never confirmed to the client %d
                    HoSp lookups answered %d, with data %d; audit rows for them %d, missing %d
                    refusals seen by the clients %s; calls past the timeout: %d
                    back after kill -9 (s) %s
                    %s
                    %s""",
                    sent,
                    attempts,
                    ok,
                    okOnRepeat,
                    gaveUp,
                    stored,
                    duplicates,
                    storedNotConfirmed,
                    hospAnswers,
                    hospWithData,
                    auditRows,
                    missingAudit,
                    refusals,
                    timeouts,
                    recoverySeconds,
                    problems.isEmpty()
                            ? "nothing lost, nothing unaudited, no hang"
                            : "BROKEN: " + String.join("; ", problems),
                    unexpectedAnswers.isEmpty()
                            ? "every refusal was one a client retries (502/503 problem+json, SOAP fault)"
                            : "NOT RETRIED BY A CLIENT: " + String.join("; ", unexpectedAnswers));
        }
    }

    private final Settings settings;
    private final String run = Long.toString(System.currentTimeMillis(), 36);
    private final HttpClient http;
    private final String template;
    private final AtomicBoolean loading = new AtomicBoolean(true);
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong attempts = new AtomicLong();
    private final AtomicLong gaveUp = new AtomicLong();
    private final AtomicLong timeouts = new AtomicLong();
    private final AtomicLong hospAnswers = new AtomicLong();
    private final Set<String> ok = ConcurrentHashMap.newKeySet();
    private final Set<String> okOnRepeat = ConcurrentHashMap.newKeySet();
    private final Set<String> hospWithData = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicLong> refusals = new ConcurrentSkipListMap<>();
    private final Map<String, Long> recoverySeconds = new java.util.LinkedHashMap<>();
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    private final Map<String, String> examples = new ConcurrentHashMap<>();
    private final List<String> notBack = new ArrayList<>();

    FaultRun(Settings settings) throws IOException {
        this.settings = settings;
        this.template = Files.readString(settings.template());
        this.http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    public static void main(String[] args) throws Exception {
        var given = new HashMap<String, String>();
        for (var arg : args) {
            var parts = arg.split("=", 2);
            given.put(parts[0], parts.length > 1 ? parts[1] : "");
        }
        var settings = new Settings(
                Integer.parseInt(given.getOrDefault("port-base", "9700")),
                Integer.parseInt(given.getOrDefault("db-port", "16700")),
                Path.of(given.get("data")),
                Path.of(given.getOrDefault("template", "bench/death-certificates/register-certificate.template.xml")),
                Integer.parseInt(given.getOrDefault("soap-clients", "4")),
                Integer.parseInt(given.getOrDefault("hosp-clients", "4")),
                List.of(given.getOrDefault("faults", "death-certificate-service,postgres,gateway")
                        .split(",")),
                Duration.ofSeconds(Long.parseLong(given.getOrDefault("warm-up", "20"))),
                Duration.ofSeconds(Long.parseLong(given.getOrDefault("settle", "15"))),
                Duration.ofSeconds(Long.parseLong(given.getOrDefault("timeout", "30"))),
                Duration.ofMinutes(Long.parseLong(given.getOrDefault("recovery-minutes", "15"))));
        var report = new FaultRun(settings).run();
        System.out.println(report.text());
        System.exit(report.held() ? 0 : 1);
    }

    Report run() throws Exception {
        var clients = new ArrayList<Thread>();
        for (int i = 0; i < settings.soapClients(); i++) {
            var client = i;
            clients.add(started(new Thread(() -> sendCertificates(client), "soap-" + i)));
        }
        for (int i = 0; i < settings.hospClients(); i++) {
            var client = i;
            clients.add(started(new Thread(() -> lookUpPersons(client), "hosp-" + i)));
        }
        Thread.sleep(settings.warmUp().toMillis());
        for (var victim : settings.faults()) {
            if (!killAndAwaitRecovery(victim)) {
                notBack.add(victim + " was not back within "
                        + settings.recoveryLimit().toMinutes() + " min");
                break; // the next fault would only measure the same slowness
            }
        }
        Thread.sleep(settings.settle().toMillis());
        loading.set(false);
        for (var client : clients) {
            client.join(settings.timeout().multipliedBy(40).toMillis());
        }
        return count();
    }

    private static Thread started(Thread thread) {
        thread.setDaemon(true); // a run that ends early does not wait for its clients
        thread.start();
        return thread;
    }

    /** Each client sends new certificates one after the other; each is retried until answered, as the platform does. */
    private void sendCertificates(int client) {
        for (long n = 0; loading.get(); n++) {
            var id = "fault-" + run + "-" + client + "-" + n;
            sent.incrementAndGet();
            var body = template.replace("{{ID}}", id);
            var answered = false;
            for (int attempt = 0; attempt < 60 && !answered; attempt++) {
                if (attempt > 0) {
                    pause(Duration.ofSeconds(1));
                }
                attempts.incrementAndGet();
                var answer = call(
                        HttpRequest.newBuilder(gateway(SOAP_PATH))
                                .header("Content-Type", "text/xml; charset=UTF-8")
                                .header("SOAPAction", "\"\"")
                                .header("Authorization", "Bearer " + token("webcert"))
                                .POST(HttpRequest.BodyPublishers.ofString(body)),
                        "webcert");
                if (answer == null) {
                    continue; // no answer (connection refused, timeout): retried
                }
                var resultCode = RESULT_CODE.matcher(answer.body());
                if (answer.statusCode() == 200 && resultCode.find()) {
                    answered = true;
                    switch (resultCode.group(1)) {
                        case "OK" -> ok.add(id);
                        case "INFO" -> okOnRepeat.add(id); // "already exists": an earlier attempt was stored
                        default -> {
                            examples.putIfAbsent("RegisterCertificate " + resultCode.group(1), brief(answer.body()));
                            refused("RegisterCertificate " + resultCode.group(1));
                        }
                    }
                } else if (!isRetried(answer)) {
                    answered = true; // the platform does not retry other answers; the certificate is not confirmed
                }
            }
            if (!ok.contains(id) && !okOnRepeat.contains(id)) {
                gaveUp.incrementAndGet();
            }
        }
    }

    private void lookUpPersons(int client) {
        for (long n = 0; loading.get(); n++) {
            var requestId = "fault-" + run + "-h" + client + "-" + n;
            var person = PERSONS_WITH_DATA.get((int) (n % PERSONS_WITH_DATA.size()));
            var answer = call(
                    HttpRequest.newBuilder(gateway("/hosp/api/v1/persons/" + person))
                            .header("Accept", "application/json")
                            .header("X-Request-Id", requestId)
                            .header("Authorization", "Bearer " + token("region-skane")),
                    "region-skane");
            if (answer == null) {
                pause(Duration.ofMillis(200));
                continue;
            }
            hospAnswers.incrementAndGet();
            if (answer.statusCode() == 200 && answer.body().contains("\"licences\"")) {
                hospWithData.add(requestId);
            } else if (answer.statusCode() != 200) {
                isRetried(answer);
                pause(Duration.ofMillis(200));
            }
        }
    }

    /**
     * One call; null when there was no answer (counted as a refused connection or a timeout). An answer 401 (the
     * gateway restarted with a new signing key) gets a new token and is tried again.
     */
    private HttpResponse<String> call(HttpRequest.Builder request, String client) {
        try {
            var answer = http.send(request.timeout(settings.timeout()).build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() == 401) {
                tokens.remove(client);
                refused("401 (token refreshed)");
                return http.send(
                        request.setHeader("Authorization", "Bearer " + token(client))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
            }
            return answer;
        } catch (HttpTimeoutException e) {
            timeouts.incrementAndGet();
            refused("no answer within the timeout");
            return null;
        } catch (ConnectException e) {
            refused("connection refused (gateway down)");
            return null;
        } catch (IOException e) {
            refused("connection lost (" + e.getClass().getSimpleName() + ")");
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Counts a refusal by its kind; answers whether the platform retries it (a SOAP fault, 502/503 problem+json). */
    private boolean isRetried(HttpResponse<String> answer) {
        var type = answer.headers().firstValue("Content-Type").orElse("");
        var status = answer.statusCode();
        if (answer.body().contains("Fault>")
                && (type.startsWith("text/xml") || type.startsWith("application/soap+xml"))) {
            refused("SOAP fault (" + status + ")");
            return true;
        }
        if ((status == 502 || status == 503) && type.startsWith("application/problem+json")) {
            refused(status + " problem+json"
                    + (answer.headers().firstValue("Retry-After").isPresent() ? " with Retry-After" : ""));
            return true;
        }
        var kind = "UNEXPECTED " + status + " " + type.replaceAll(";.*", "");
        examples.putIfAbsent(kind, brief(answer.body()));
        refused(kind);
        return false;
    }

    private void refused(String kind) {
        refusals.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
    }

    private String token(String client) {
        return tokens.computeIfAbsent(client, c -> {
            var deadline = Instant.now().plus(settings.recoveryLimit());
            while (Instant.now().isBefore(deadline)) {
                try {
                    var basic = Base64.getEncoder()
                            .encodeToString((c + ":" + c + "-secret").getBytes(StandardCharsets.UTF_8));
                    var answer = http.send(
                            HttpRequest.newBuilder(gateway("/oauth2/token"))
                                    .header("Authorization", "Basic " + basic)
                                    .header("Content-Type", "application/x-www-form-urlencoded")
                                    .timeout(settings.timeout())
                                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
                    var token = ACCESS_TOKEN.matcher(answer.body());
                    if (answer.statusCode() == 200 && token.find()) {
                        return token.group(1);
                    }
                } catch (IOException e) {
                    // the gateway is down: try again
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
                pause(Duration.ofSeconds(1));
            }
            throw new IllegalStateException("No token for " + c + " from the gateway");
        });
    }

    /** Kills one part with SIGKILL and waits until the launcher has it running and every service ready again. */
    private boolean killAndAwaitRecovery(String victim) throws Exception {
        var pid = victim.equals("postgres") ? postmasterPid() : servicePid(victim);
        var process = ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException(victim + " is not running"));
        var killedAt = Instant.now();
        System.out.printf("%s kill -9 %s (pid %d)%n", killedAt, victim, pid);
        process.destroyForcibly();
        process.onExit().get();
        var deadline = killedAt.plus(settings.recoveryLimit());
        while (Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
            var back = victim.equals("postgres") ? postgresAccepts() : true;
            for (var service : SERVICES) {
                back &= isReady(service);
            }
            if (back) {
                var seconds = Duration.between(killedAt, Instant.now()).toSeconds();
                recoverySeconds.put(victim, seconds);
                System.out.printf("%s %s back, every service ready, after %d s%n", Instant.now(), victim, seconds);
                return true;
            }
        }
        return false;
    }

    private long servicePid(String service) {
        var jar = settings.dataDirectory()
                .resolve("apps")
                .resolve(service)
                .resolve(service + ".jar")
                .toString();
        return ProcessHandle.allProcesses()
                .filter(p ->
                        p.info().commandLine().map(line -> line.contains(jar)).orElse(false))
                .mapToLong(ProcessHandle::pid)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("No process runs " + jar));
    }

    private long postmasterPid() throws IOException {
        return Long.parseLong(Files.readAllLines(settings.dataDirectory().resolve("postgres/postmaster.pid"))
                .get(0)
                .trim());
    }

    private boolean postgresAccepts() {
        try (var connection = connect("hosp_service")) {
            return connection.isValid(2);
        } catch (SQLException | IOException e) {
            return false;
        }
    }

    private boolean isReady(String service) {
        try {
            var port = settings.portBase() + SERVICES.indexOf(service);
            return http.send(
                                    HttpRequest.newBuilder(URI.create(
                                                    "http://localhost:" + port + "/actuator/health/readiness"))
                                            .timeout(Duration.ofSeconds(2))
                                            .build(),
                                    HttpResponse.BodyHandlers.discarding())
                            .statusCode()
                    == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** What the databases hold for this run, read as each database's owner, against what the clients were told. */
    private Report count() throws Exception {
        var stored = new TreeMap<String, Long>();
        try (var connection = connect("death_certificate_service");
                var query = connection.prepareStatement(
                        "select certificate_id, count(*) from death_certificate where certificate_id like ? group by 1")) {
            query.setString(1, "fault-" + run + "-%");
            try (var rows = query.executeQuery()) {
                while (rows.next()) {
                    stored.put(rows.getString(1), rows.getLong(2));
                }
            }
        }
        var audited = ConcurrentHashMap.<String>newKeySet();
        try (var connection = connect("hosp_service");
                var query = connection.prepareStatement("select request_id from audit_entry where request_id like ?")) {
            query.setString(1, "fault-" + run + "-h%");
            try (var rows = query.executeQuery()) {
                while (rows.next()) {
                    audited.add(rows.getString(1));
                }
            }
        }
        var confirmed = new java.util.HashSet<>(ok);
        confirmed.addAll(okOnRepeat);
        var problems = new ArrayList<String>(notBack);
        var lost = confirmed.stream().filter(id -> !stored.containsKey(id)).count();
        if (lost > 0) {
            problems.add(lost + " certificates answered OK are not stored");
        }
        var duplicates = stored.values().stream().filter(count -> count > 1).count();
        if (duplicates > 0) {
            problems.add(duplicates + " certificates are stored more than once");
        }
        var missingAudit =
                hospWithData.stream().filter(id -> !audited.contains(id)).count();
        if (missingAudit > 0) {
            problems.add(missingAudit + " HoSp answers with data have no audit row");
        }
        if (timeouts.get() > 0) {
            problems.add(timeouts.get() + " calls hung past the "
                    + settings.timeout().toSeconds() + " s timeout");
        }
        var seen = new java.util.LinkedHashMap<String, Long>();
        refusals.forEach((kind, count) -> seen.put(kind, count.get()));
        var unexpected = seen.keySet().stream()
                .filter(kind -> kind.startsWith("UNEXPECTED") || kind.startsWith("RegisterCertificate"))
                .map(kind -> seen.get(kind) + " × " + kind + " (e.g. " + examples.get(kind) + ")")
                .toList();
        if (ok.isEmpty() || hospWithData.isEmpty()) {
            problems.add("the load did not get through at all");
        }
        var storedNotConfirmed =
                stored.keySet().stream().filter(id -> !confirmed.contains(id)).count();
        return new Report(
                sent.get(),
                attempts.get(),
                ok.size(),
                okOnRepeat.size(),
                stored.size(),
                duplicates,
                storedNotConfirmed,
                gaveUp.get(),
                hospAnswers.get(),
                hospWithData.size(),
                hospWithData.stream().filter(audited::contains).count(),
                missingAudit,
                seen,
                timeouts.get(),
                Map.copyOf(recoverySeconds),
                List.copyOf(problems),
                unexpected);
    }

    /** A connection as the database's owner, with the password the local run generated (postgres-passwords.properties). */
    private java.sql.Connection connect(String database) throws IOException, SQLException {
        var passwords = new Properties();
        try (var in = Files.newBufferedReader(settings.dataDirectory().resolve("postgres-passwords.properties"))) {
            passwords.load(in);
        }
        var owner = database + "_owner";
        return DriverManager.getConnection(
                "jdbc:postgresql://localhost:" + settings.databasePort() + "/" + database + "?connectTimeout=5",
                owner,
                passwords.getProperty(owner));
    }

    private URI gateway(String path) {
        return URI.create("http://localhost:" + settings.portBase() + path);
    }

    private static String brief(String body) {
        var flat = body.replaceAll("\\s+", " ");
        return flat.length() > 160 ? flat.substring(0, 160) + "…" : flat;
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
