package org.example.platform.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedPostgresServerTests {

    @Test
    void createsADatabaseOnceAndConnectsToItAsTheServicesRole() throws Exception {
        var postgres = EmbeddedPostgresServer.start(null, 0);
        var database = EmbeddedPostgresServer.database(postgres, "platform_test");
        assertThat(EmbeddedPostgresServer.database(postgres, "platform_test")).isEqualTo(database);

        try (var connection = DriverManager.getConnection(
                        database.url(), database.serviceRole(), database.servicePassword());
                var result = connection
                        .createStatement()
                        .executeQuery("select current_database(), current_user, version()")) {
            result.next();
            assertThat(result.getString(1)).isEqualTo("platform_test");
            assertThat(result.getString(2)).isEqualTo("platform_test_app");
            assertThat(result.getString(3)).startsWith("PostgreSQL 17");
        }
    }

    @Test
    void refusesEveryLoginWithoutTheRightPassword() {
        var postgres = EmbeddedPostgresServer.start(null, 0);
        var database = EmbeddedPostgresServer.database(postgres, "platform_test");

        assertThatThrownBy(() -> DriverManager.getConnection(database.url(), "postgres", "")
                        .close())
                .isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> DriverManager.getConnection(database.url(), database.serviceRole(), "guess")
                        .close())
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("password authentication failed");
        assertThatThrownBy(
                        () -> DriverManager.getConnection(database.url(), database.owner(), database.servicePassword())
                                .close())
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("password authentication failed");
    }

    @Test
    void theOwnerChangesTheSchemaAndTheServicesRoleCannot() throws Exception {
        var postgres = EmbeddedPostgresServer.start(null, 0);
        var database = EmbeddedPostgresServer.database(postgres, "platform_rights");
        try (var owner = DriverManager.getConnection(database.url(), database.owner(), database.ownerPassword());
                var statement = owner.createStatement()) {
            statement.execute("create table note (id int primary key, text varchar(20))");
            statement.execute("grant select, insert on note to " + database.serviceRole());
        }
        try (var service = DriverManager.getConnection(
                        database.url(), database.serviceRole(), database.servicePassword());
                var statement = service.createStatement()) {
            statement.execute("insert into note values (1, 'kept')");
            assertThatThrownBy(() -> statement.execute("update note set text = 'changed'"))
                    .hasMessageContaining("permission denied");
            assertThatThrownBy(() -> statement.execute("create table other (id int)"))
                    .hasMessageContaining("permission denied for schema public");
            assertThatThrownBy(() -> statement.execute("create temporary table scratch (id int)"))
                    .hasMessageContaining("permission denied to create temporary tables");
            assertThatThrownBy(() -> statement.execute("alter table note add column extra int"))
                    .hasMessageContaining("must be owner");
            assertThatThrownBy(() -> statement.execute("set session_replication_role = replica"))
                    .hasMessageContaining("permission denied");
        }
    }

    @Test
    void refusesADatabaseNameThatIsNotPlain() {
        var postgres = EmbeddedPostgresServer.start(null, 0);
        assertThatThrownBy(() -> EmbeddedPostgresServer.database(postgres, "x; drop database postgres"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void flushesEveryCommitToDiskWhenTheDataIsKept(@TempDir Path dataDirectory) throws Exception {
        EmbeddedPostgresServer.stop();
        try {
            var postgres = EmbeddedPostgresServer.start(dataDirectory.resolve("postgres"), 0, false);
            try (var connection = postgres.getPostgresDatabase().getConnection();
                    var statement = connection.createStatement()) {
                assertThat(setting(statement, "fsync")).isEqualTo("on");
                assertThat(setting(statement, "synchronous_commit")).isEqualTo("on");
            }
        } finally {
            EmbeddedPostgresServer.stop();
        }
    }

    @Test
    void keepsTheGeneratedPasswordsNextToKeptDataForItsOwnerOnly(@TempDir Path dataDirectory) throws Exception {
        EmbeddedPostgresServer.stop();
        try {
            var postgres = EmbeddedPostgresServer.start(dataDirectory.resolve("postgres"), 0, false);
            var first = EmbeddedPostgresServer.database(postgres, "kept");
            var passwords = dataDirectory.resolve("postgres-passwords.properties");
            assertThat(Files.readString(passwords)).contains("kept_app=" + first.servicePassword());
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passwords)))
                    .isEqualTo("rw-------");
            assertThat(Files.readString(dataDirectory.resolve("postgres/pg_hba.conf")))
                    .doesNotContain("trust");
            EmbeddedPostgresServer.stop();

            var again = EmbeddedPostgresServer.database(
                    EmbeddedPostgresServer.start(dataDirectory.resolve("postgres"), 0, false), "kept");
            assertThat(again.servicePassword()).isEqualTo(first.servicePassword());
        } finally {
            EmbeddedPostgresServer.stop();
        }
    }

    @Test
    void switchesDataLeftByATrustingEarlierVersionToPasswords(@TempDir Path dataDirectory) throws Exception {
        EmbeddedPostgresServer.stop();
        try {
            var postgres = EmbeddedPostgresServer.start(dataDirectory.resolve("postgres"), 0, false);
            // what an earlier version left: trust for everyone, a superuser without a password, no password file,
            // and a database whose tables the superuser owns
            try (var connection = postgres.getPostgresDatabase().getConnection();
                    var statement = connection.createStatement()) {
                statement.execute("create database legacy");
            }
            try (var connection = postgres.getDatabase("postgres", "legacy").getConnection();
                    var statement = connection.createStatement()) {
                statement.execute("create table entry (id bigint generated always as identity primary key)");
                statement.execute("create sequence free_standing");
            }
            Files.write(
                    dataDirectory.resolve("postgres/pg_hba.conf"),
                    java.util.List.of("local all all trust", "host all all 127.0.0.1/32 trust"));
            try (var connection = postgres.getPostgresDatabase().getConnection();
                    var statement = connection.createStatement()) {
                statement.execute("select pg_reload_conf()");
                statement.execute("alter role postgres password null");
            }
            EmbeddedPostgresServer.stop();
            Files.delete(dataDirectory.resolve("postgres-passwords.properties"));

            var database = EmbeddedPostgresServer.database(
                    EmbeddedPostgresServer.start(dataDirectory.resolve("postgres"), 0, false), "legacy");

            assertThat(Files.readString(dataDirectory.resolve("postgres/pg_hba.conf")))
                    .doesNotContain("trust");
            assertThatThrownBy(() -> DriverManager.getConnection(database.url(), "postgres", "")
                            .close())
                    .isInstanceOf(SQLException.class);
            try (var owner = DriverManager.getConnection(database.url(), database.owner(), database.ownerPassword());
                    var result = owner.createStatement()
                            .executeQuery(
                                    "select string_agg(relname || ':' || pg_get_userbyid(relowner), ',' order by relname) "
                                            + "from pg_class where relnamespace = 'public'::regnamespace and relkind in ('r', 'S')")) {
                result.next();
                assertThat(result.getString(1))
                        .isEqualTo("entry:legacy_owner,entry_id_seq:legacy_owner,free_standing:legacy_owner");
            }
        } finally {
            EmbeddedPostgresServer.stop();
        }
    }

    @Test
    void startsAgainAfterItsPostmasterIsKilledWithEveryCommitKept(@TempDir Path dataDirectory) throws Exception {
        EmbeddedPostgresServer.stop();
        try {
            var postgres = EmbeddedPostgresServer.start(dataDirectory.resolve("postgres"), 0, false);
            var database = EmbeddedPostgresServer.database(postgres, "survivor");
            try (var owner = DriverManager.getConnection(database.url(), database.owner(), database.ownerPassword());
                    var statement = owner.createStatement()) {
                statement.execute("create table answer (id int primary key)");
                statement.execute("insert into answer values (42)");
            }
            var pid = EmbeddedPostgresServer.postmasterPid().orElseThrow();
            assertThat(EmbeddedPostgresServer.isRunning()).isTrue();

            ProcessHandle.of(pid).orElseThrow().destroyForcibly(); // kill -9
            var deadline = Instant.now().plus(Duration.ofSeconds(20));
            while (EmbeddedPostgresServer.isRunning() && Instant.now().isBefore(deadline)) {
                Thread.sleep(100);
            }
            assertThat(EmbeddedPostgresServer.isRunning()).isFalse();

            var restarted = restartWithin(Duration.ofSeconds(60));
            assertThat(EmbeddedPostgresServer.isRunning()).isTrue();
            assertThat(EmbeddedPostgresServer.postmasterPid().orElseThrow()).isNotEqualTo(pid);
            try (var owner = DriverManager.getConnection(
                            EmbeddedPostgresServer.database(restarted, "survivor")
                                    .url(),
                            database.owner(),
                            database.ownerPassword());
                    var result = owner.createStatement().executeQuery("select id from answer")) {
                assertThat(result.next()).isTrue();
                assertThat(result.getInt(1)).isEqualTo(42);
            }
        } finally {
            EmbeddedPostgresServer.stop();
        }
    }

    private static io.zonky.test.db.postgres.embedded.EmbeddedPostgres restartWithin(Duration limit) throws Exception {
        var deadline = Instant.now().plus(limit);
        while (true) {
            try {
                return EmbeddedPostgresServer.restart();
            } catch (RuntimeException e) {
                if (Instant.now().isAfter(deadline)) {
                    throw e;
                }
                Thread.sleep(500);
            }
        }
    }

    private static String setting(java.sql.Statement statement, String name) throws Exception {
        try (var result = statement.executeQuery("show " + name)) {
            result.next();
            return result.getString(1);
        }
    }
}
