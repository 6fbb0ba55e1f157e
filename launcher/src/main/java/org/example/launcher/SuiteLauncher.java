package org.example.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.example.platform.database.EmbeddedPostgresServer;
import org.example.platform.database.ServiceDatabase;

/**
 * The local run: starts an embedded PostgreSQL 17 with its data under {@code .data/postgres}, creates a
 * database per service, starts each service's jar as a process of its own (logs in {@code .data/logs}),
 * waits until every one is ready, prints where to go, and on Ctrl-C stops them all and then the database. Once
 * ready, it supervises the run ({@link Supervisor}): a service or the database that dies is started again, and the
 * console says so.
 *
 * <p>Options (environment): {@code SUITE_PORT_BASE} (gateway port, services on the next four; default
 * 8080), {@code SUITE_DATA_DIR} (default {@code .data}), {@code SUITE_DB_PORT} (default 15432),
 * {@code SUITE_READY_TIMEOUT_MINUTES} (default 15), {@code SUITE_EXIT_WHEN_READY=true} (start, check, stop),
 * {@code SUITE_REPLICAS} (processes of each service behind the one gateway; default 1). Replica {@code r} of a service
 * listens on the first replica's port plus {@code 10 × (r - 1)} and shares the service's database; it starts once the
 * first replica is ready, so Flyway has migrated and the start-up jobs have run once.
 */
public final class SuiteLauncher {

    private final Path root;
    private final Path dataDirectory;
    private final int portBase;
    private final int databasePort;
    private final int replicas;
    private final List<SuiteProcess> processes = new ArrayList<>();
    private final Map<SuiteService, StartupArchive> archives = new LinkedHashMap<>();
    private final Map<SuiteService, ServiceDatabase> databases = new HashMap<>();
    private Thread supervision;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    SuiteLauncher(Path root, Path dataDirectory, int portBase, int databasePort, int replicas) {
        if (replicas < 1 || replicas > MAX_REPLICAS) {
            throw new IllegalArgumentException("SUITE_REPLICAS must be 1 to " + MAX_REPLICAS + ", not " + replicas);
        }
        this.root = root;
        this.dataDirectory = dataDirectory;
        this.portBase = portBase;
        this.databasePort = databasePort;
        this.replicas = replicas;
    }

    /** Replicas take ports 10 apart: nine stay clear of the mutual-TLS connectors at {@code SUITE_PORT_BASE + 363}. */
    static final int MAX_REPLICAS = 9;

    public static void main(String[] args) throws Exception {
        var root = Path.of("").toAbsolutePath();
        var environment = System.getenv();
        var launcher = new SuiteLauncher(
                root,
                root.resolve(environment.getOrDefault("SUITE_DATA_DIR", ".data")),
                Integer.parseInt(environment.getOrDefault("SUITE_PORT_BASE", "8080")),
                Integer.parseInt(environment.getOrDefault("SUITE_DB_PORT", "15432")),
                Integer.parseInt(environment.getOrDefault("SUITE_REPLICAS", "1")));
        Runtime.getRuntime().addShutdownHook(new Thread(launcher::stop, "suite-stop"));
        var ready = launcher.start();
        if (!ready) {
            System.exit(1);
        }
        if (Boolean.parseBoolean(environment.getOrDefault("SUITE_EXIT_WHEN_READY", "false"))) {
            System.exit(0);
        }
        Thread.currentThread().join();
    }

    /** Every process of the suite: the gateway, then each service's replicas, the first replica of each first. */
    List<SuiteService> services() {
        var issuer = "http://localhost:" + portBase;
        var common = Map.of(
                "ISSUER_URI",
                issuer,
                "JWK_SET_URI",
                issuer + "/oauth2/jwks",
                "CODESERVER_URL",
                "http://localhost:" + (portBase + 2),
                "FMB_URL",
                "http://localhost:" + (portBase + 1),
                "FMB_WEB_REDIRECT_URI",
                issuer + "/fmb/login/oauth2/code/suite");
        var small = jvmOptions("-Xms64m", "-Xmx384m", "-XX:ReservedCodeCacheSize=64m");
        var large = jvmOptions("-Xms128m", "-Xmx768m", "-XX:ReservedCodeCacheSize=96m");
        // the gateway balances each list of base URLs (gateway.services.*, Spring Cloud LoadBalancer)
        var gatewayEnvironment = new HashMap<>(common);
        gatewayEnvironment.put("FMB_URL", baseUrls(portBase + 1));
        gatewayEnvironment.put("CODESERVER_URL", baseUrls(portBase + 2));
        gatewayEnvironment.put("HOSP_URL", baseUrls(portBase + 3));
        gatewayEnvironment.put("DEATH_CERTIFICATES_URL", baseUrls(portBase + 4));
        gatewayEnvironment.put("CORS_ALLOWED_ORIGINS", issuer);
        gatewayEnvironment.putAll(LocalIssuerKeys.environment(dataDirectory)); // made once, kept in .data/issuer
        // the local run is the demo: HoSp loads its demo persons and synthetic register (off by default elsewhere)
        var hospEnvironment = new HashMap<>(common);
        hospEnvironment.put(
                "HOSP_SYNTHETIC_REGISTER_ENABLED",
                System.getenv().getOrDefault("HOSP_SYNTHETIC_REGISTER_ENABLED", "true"));
        var services = new ArrayList<SuiteService>();
        services.add(new SuiteService("gateway", "gateway", portBase, "gateway", small, gatewayEnvironment, 1));
        for (int replica = 1; replica <= replicas; replica++) {
            var shift = 10 * (replica - 1);
            var deathCertificateEnvironment = new HashMap<>(common);
            deathCertificateEnvironment.putAll(
                    LocalMutualTls.environment(dataDirectory, portBase + 363 + replica - 1)); // SUITE_MTLS=true
            services.add(replica("fmb-service", portBase + 1 + shift, "fmb_service", small, common, replica));
            services.add(
                    replica("codeserver-service", portBase + 2 + shift, "codeserver_service", large, common, replica));
            services.add(
                    replica("hosp-service", portBase + 3 + shift, "hosp_service", small, hospEnvironment, replica));
            services.add(replica(
                    "death-certificate-service",
                    portBase + 4 + shift,
                    "death_certificate_service",
                    small,
                    deathCertificateEnvironment,
                    replica));
        }
        return List.copyOf(services);
    }

    private static SuiteService replica(
            String module,
            int port,
            String database,
            List<String> jvmOptions,
            Map<String, String> environment,
            int replica) {
        var name = replica == 1 ? module : module + "-" + replica;
        return new SuiteService(name, module, port, database, jvmOptions, environment, replica);
    }

    /** The base URLs of a service's replicas, comma-separated, the first replica's port given. */
    private String baseUrls(int firstPort) {
        var urls = new ArrayList<String>();
        for (int replica = 1; replica <= replicas; replica++) {
            urls.add("http://localhost:" + (firstPort + 10 * (replica - 1)));
        }
        return String.join(",", urls);
    }

    /**
     * The JVM options of a service in the local run: its memory, then what all services share. Five JVMs start at
     * once on a machine that may have only two cores, and about half of their start-up CPU went to the optimizing JIT
     * (C2) compiling code that runs only while Spring starts. Ten times the default tier-4 thresholds keep that code
     * in the quick compiler (C1); the request paths of a loaded service pass these thresholds within seconds and are
     * optimized as before, so only the warm-up of a service under load is longer (docs/benchmarks.md).
     */
    static List<String> jvmOptions(String... memory) {
        var options = new ArrayList<>(List.of(memory));
        options.addAll(List.of(
                "-XX:+UseSerialGC",
                "-Xss512k",
                "-XX:Tier4InvocationThreshold=50000",
                "-XX:Tier4MinInvocationThreshold=6000",
                "-XX:Tier4CompileThreshold=150000",
                "-XX:Tier4BackEdgeThreshold=400000"));
        return List.copyOf(options);
    }

    boolean start() throws IOException, InterruptedException {
        var started = Instant.now();
        var services = services();
        for (var service : services) {
            if (!Files.isRegularFile(service.jar(root))) {
                System.err.println("Missing " + root.relativize(service.jar(root))
                        + ": build first with ./mvnw package -DskipTests");
                return false;
            }
        }
        var logs = Files.createDirectories(dataDirectory.resolve("logs"));
        System.out.println(
                "Starting PostgreSQL (data in " + root.relativize(dataDirectory.resolve("postgres")) + ") ...");
        var postgres = EmbeddedPostgresServer.start(dataDirectory.resolve("postgres"), databasePort, false);
        var pending = new LinkedHashMap<SuiteService, Process>();
        for (var service : services) {
            if (service.database() != null) {
                databases.put(service, EmbeddedPostgresServer.database(postgres, service.database()));
            }
            if (service.replica() == 1) {
                pending.put(service, startProcess(service, logs));
            }
        }
        var timeout =
                Duration.ofMinutes(Long.parseLong(System.getenv().getOrDefault("SUITE_READY_TIMEOUT_MINUTES", "15")));
        var deadline = Instant.now().plus(timeout);
        var nextReport = Instant.now().plus(Duration.ofSeconds(30));
        while (!pending.isEmpty() && Instant.now().isBefore(deadline)) {
            if (Instant.now().isAfter(nextReport)) {
                System.out.println("  still starting (first start loads the reference data): "
                        + pending.keySet().stream().map(SuiteService::name).toList());
                nextReport = Instant.now().plus(Duration.ofSeconds(30));
            }
            for (var entry : List.copyOf(pending.entrySet())) {
                if (!entry.getValue().isAlive()) {
                    System.err.println(entry.getKey().name() + " stopped with exit code "
                            + entry.getValue().exitValue() + "; see "
                            + root.relativize(logs.resolve(entry.getKey().name() + ".log")));
                    return false;
                }
                if (isReady(entry.getKey())) {
                    System.out.printf(
                            "  %s ready after %d s%n",
                            entry.getKey().name(),
                            Duration.between(started, Instant.now()).toSeconds());
                    pending.remove(entry.getKey());
                    // its database is migrated and its start-up jobs ran: the service's other replicas start now
                    for (var replica : services) {
                        if (replica.replica() > 1
                                && replica.module().equals(entry.getKey().module())
                                && entry.getKey().replica() == 1) {
                            pending.put(replica, startProcess(replica, logs));
                        }
                    }
                }
            }
            Thread.sleep(500);
        }
        if (!pending.isEmpty()) {
            System.err.println("Not ready within " + timeout.toMinutes() + " minutes: "
                    + pending.keySet().stream().map(SuiteService::name).toList());
            return false;
        }
        printWhereToGo(Duration.between(started, Instant.now()));
        supervise();
        return true;
    }

    private Process startProcess(SuiteService service, Path logs) throws IOException, InterruptedException {
        var process = new SuiteProcess(service, this::launch);
        process.start();
        processes.add(process);
        System.out.println("Starting " + service.name() + " on port " + service.port() + " (log: "
                + root.relativize(logs.resolve(service.name() + ".log")) + ")");
        return process.process();
    }

    /**
     * Starts a service's process: its JVM options, class archive and jar, its port and environment, and its database
     * with the service's own role (Flyway logs in as the owner). Its output goes to its log, which a restart appends to.
     */
    private Process launch(SuiteService service, boolean again) throws IOException, InterruptedException {
        var java = ProcessHandle.current().info().command().orElse("java");
        var command = new ArrayList<String>();
        command.add(java);
        command.addAll(service.jvmOptions());
        var archive =
                archives.computeIfAbsent(service, s -> new StartupArchive(dataDirectory.resolve("apps"), s, root));
        command.addAll(archive.command(java));
        var log = dataDirectory.resolve("logs").resolve(service.name() + ".log").toFile();
        var builder = new ProcessBuilder(command)
                .directory(root.toFile())
                .redirectErrorStream(true)
                .redirectOutput(again ? ProcessBuilder.Redirect.appendTo(log) : ProcessBuilder.Redirect.to(log));
        builder.environment().putAll(service.environment());
        builder.environment().put("PORT", Integer.toString(service.port()));
        var database = databases.get(service);
        if (database != null) {
            builder.environment().put("DB_URL", database.url());
            builder.environment().put("DB_USER", database.serviceRole());
            builder.environment().put("DB_PASSWORD", database.servicePassword());
            builder.environment().put("DB_OWNER_USER", database.owner());
            builder.environment().put("DB_OWNER_PASSWORD", database.ownerPassword());
        }
        return builder.start();
    }

    /** From now on a service or the database that dies is started again (Supervisor), until {@link #stop()}. */
    private void supervise() {
        var now = Instant.now();
        processes.forEach(process -> process.ready(now)); // each answered ready before the suite was called ready
        var supervisor = new Supervisor(
                processes,
                new Supervisor.Database() {
                    @Override
                    public boolean isRunning() {
                        return EmbeddedPostgresServer.isRunning();
                    }

                    @Override
                    public void restart() {
                        EmbeddedPostgresServer.restart();
                    }
                },
                this::isReady,
                System.out,
                Clock.systemDefaultZone());
        supervision = new Thread(
                () -> {
                    while (!Thread.currentThread().isInterrupted()) {
                        try {
                            supervisor.check();
                        } catch (RuntimeException e) {
                            // one failed round (a restart that threw unexpectedly) must not end the supervision
                            System.err.println("Supervision round failed (" + e + "); checking again");
                        }
                        try {
                            Thread.sleep(500);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                },
                "suite-supervisor");
        supervision.setDaemon(true);
        supervision.start();
    }

    private boolean isReady(SuiteService service) {
        try {
            var response = http.send(
                    HttpRequest.newBuilder(URI.create(service.baseUrl() + "/actuator/health/readiness"))
                            .timeout(Duration.ofSeconds(2))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void printWhereToGo(Duration took) {
        var gateway = "http://localhost:" + portBase;
        System.out.printf(
                """

                The suite is ready (%d s, %d MB of memory in all its processes).
                  Gateway            %s
                  Swagger UI         %s/swagger-ui.html
                  FMB pages          %s/fmb/diagnoser
                  FMB editor pages   %s/fmb/editor  (users editor / editor-password, reviewer / reviewer-password)
                  Code server (FHIR) %s/fhir/metadata
                  Code server (JSON) %s/codes/api/v1/code-systems
                  A token            curl -s -u region-skane:region-skane-secret -d grant_type=client_credentials %s/oauth2/token
                Services directly on ports %d-%d (%d replica(s) each, 10 ports apart); logs in %s.
                A service or PostgreSQL that dies is started again.
                Ctrl-C stops everything.
                """,
                took.toSeconds(),
                SuiteMemory.megabytes(),
                gateway,
                gateway,
                gateway,
                gateway,
                gateway,
                gateway,
                gateway,
                portBase + 1,
                portBase + 4,
                replicas,
                root.relativize(dataDirectory.resolve("logs")));
    }

    /** The static class archives of the services whose run recorded its classes for one (see StartupArchive). */
    private void writeStaticArchives() {
        var pending = archives.values().stream()
                .filter(StartupArchive::needsStaticArchive)
                .toList();
        archives.clear();
        if (pending.isEmpty()) {
            return;
        }
        System.out.println("Writing class archives for faster starts (once per build) ...");
        var java = ProcessHandle.current().info().command().orElse("java");
        pending.parallelStream().forEach(archive -> {
            try {
                archive.writeStaticArchive(java);
            } catch (IOException e) {
                System.err.println("Could not write a class archive: " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    void stop() {
        if (supervision != null) {
            supervision.interrupt(); // nothing is started again from here on
            try {
                supervision.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        var running = processes.stream().map(SuiteProcess::process).toList();
        for (var process : running) {
            process.destroy();
        }
        // a service's first run writes its class archive as it stops (StartupArchive): give them time to
        var deadline = Instant.now().plus(Duration.ofSeconds(120));
        for (var process : running) {
            try {
                var left = Duration.between(Instant.now(), deadline).toMillis();
                if (!process.waitFor(Math.max(left, 1), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        processes.clear();
        writeStaticArchives();
        EmbeddedPostgresServer.stop();
        System.out.println("Stopped.");
    }
}
