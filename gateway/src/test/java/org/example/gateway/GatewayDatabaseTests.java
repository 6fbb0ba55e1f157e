package org.example.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/** The gateway's own database: migrated by its owner, used by the gateway's own role, which cannot change the schema. */
@SpringBootTest
class GatewayDatabaseTests {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void runsOnItsOwnDatabaseAsItsOwnRole() {
        assertThat(jdbc.queryForObject("select current_database()", String.class))
                .isEqualTo("gateway");
        assertThat(jdbc.queryForObject("select current_user", String.class)).isEqualTo("gateway_app");
        assertThat(jdbc.queryForObject(
                        "select tableowner from pg_tables where tablename = 'flyway_schema_history'", String.class))
                .isEqualTo("gateway_owner");
    }

    @Test
    void cannotChangeTheSchema() {
        assertThatThrownBy(() -> jdbc.execute("create table intruder (id int)"))
                .rootCause()
                .hasMessageContaining("permission denied");
    }
}
