package org.example.platform.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.DriverManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedPostgresServerTests {

    @Test
    void createsADatabaseOnceAndConnectsToIt() throws Exception {
        var postgres = EmbeddedPostgresServer.start(null, 0);
        var url = EmbeddedPostgresServer.database(postgres, "platform_test");
        assertThat(EmbeddedPostgresServer.database(postgres, "platform_test")).isEqualTo(url);

        try (var connection = DriverManager.getConnection(url, "postgres", "");
                var result = connection.createStatement().executeQuery("select current_database(), version()")) {
            result.next();
            assertThat(result.getString(1)).isEqualTo("platform_test");
            assertThat(result.getString(2)).startsWith("PostgreSQL 17");
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

    private static String setting(java.sql.Statement statement, String name) throws Exception {
        try (var result = statement.executeQuery("show " + name)) {
            result.next();
            return result.getString(1);
        }
    }
}
