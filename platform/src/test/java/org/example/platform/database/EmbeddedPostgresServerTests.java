package org.example.platform.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.DriverManager;
import org.junit.jupiter.api.Test;

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
}
