package org.example.hosp.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.example.hosp.HospIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The audit trail is append-only against anyone who gets the service's database login, not only against the
 * service's code: the service's role may insert and read audit rows and nothing more (Flyway's afterMigrate.sql), and
 * the trigger refuses changes even to the table's owner.
 */
@HospIntegrationTest
class AuditRightsTests {

    @Autowired
    JdbcTemplate jdbc;

    @Value("${spring.datasource.url}")
    String url;

    @Value("${spring.datasource.username}")
    String serviceRole;

    @Value("${spring.datasource.password}")
    String servicePassword;

    @Value("${spring.flyway.user}")
    String owner;

    @Value("${spring.flyway.password}")
    String ownerPassword;

    @Test
    void theServiceRunsAsItsOwnRoleNotTheOwnerNorASuperuser() {
        assertThat(jdbc.queryForObject("select current_user", String.class))
                .isEqualTo(serviceRole)
                .isNotEqualTo(owner);
        assertThat(jdbc.queryForObject(
                        "select rolsuper or rolcreaterole or rolcreatedb from pg_roles "
                                + "where rolname = current_user",
                        Boolean.class))
                .isFalse();
        assertThat(jdbc.queryForList(
                        "select privilege_type from information_schema.role_table_grants "
                                + "where table_name = 'audit_entry' and grantee = current_user",
                        String.class))
                .containsExactlyInAnyOrder("INSERT", "SELECT");
    }

    @Test
    void theServicesRoleCannotChangeOrRemoveAuditRows() throws Exception {
        try (var service = connect(serviceRole, servicePassword)) {
            insertAuditRow(service);
            for (var change : new String[] {
                "update audit_entry set client_id = 'someone-else'", "delete from audit_entry", "truncate audit_entry"
            }) {
                assertThatThrownBy(() -> execute(service, change))
                        .as(change)
                        .hasMessageContaining("permission denied for table audit_entry");
            }
        }
    }

    @Test
    void theServicesRoleCannotSwitchTheTriggerOffNorGrantItselfMore() throws Exception {
        try (var service = connect(serviceRole, servicePassword)) {
            assertThatThrownBy(
                            () -> execute(service, "alter table audit_entry disable trigger audit_entry_append_only"))
                    .hasMessageContaining("must be owner");
            assertThatThrownBy(() -> execute(service, "drop trigger audit_entry_append_only on audit_entry"))
                    .hasMessageContaining("must be owner");
            assertThatThrownBy(() -> execute(service, "set session_replication_role = replica"))
                    .hasMessageContaining("permission denied");
            execute(
                    service,
                    "grant update, delete on audit_entry to "
                            + serviceRole); // PostgreSQL: "no privileges were granted"
            assertThatThrownBy(() -> execute(service, "delete from audit_entry"))
                    .hasMessageContaining("permission denied");
            assertThatThrownBy(() -> execute(service, "set role " + owner)).hasMessageContaining("permission denied");
        }
        assertThat(jdbc.queryForObject(
                        "select tgenabled from pg_trigger where tgname = 'audit_entry_append_only'", String.class))
                .isEqualTo("O");
    }

    @Test
    void theServicesRoleCannotChangeTheSchema() throws Exception {
        try (var service = connect(serviceRole, servicePassword)) {
            assertThatThrownBy(() -> execute(service, "create table shadow_audit (id int)"))
                    .hasMessageContaining("permission denied for schema public");
            assertThatThrownBy(() -> execute(service, "create temporary table scratch (id int)"))
                    .hasMessageContaining("permission denied to create temporary tables");
            assertThatThrownBy(() -> execute(service, "alter table person add column note text"))
                    .hasMessageContaining("must be owner");
            assertThatThrownBy(() -> execute(service, "drop table audit_entry")).hasMessageContaining("must be owner");
            assertThatThrownBy(() -> execute(
                            service,
                            "create or replace function refuse_audit_change() returns trigger "
                                    + "language plpgsql as $$ begin return null; end $$"))
                    .hasMessageContaining("permission denied for schema public");
            assertThatThrownBy(() -> execute(service, "delete from flyway_schema_history"))
                    .hasMessageContaining("permission denied");
        }
    }

    @Test
    void theTriggerRefusesChangesEvenToTheTablesOwner() throws Exception {
        try (var ownerConnection = connect(owner, ownerPassword)) {
            insertAuditRow(ownerConnection);
            assertThatThrownBy(() -> execute(ownerConnection, "update audit_entry set client_id = 'someone-else'"))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> execute(ownerConnection, "delete from audit_entry"))
                    .hasMessageContaining("append-only");
        }
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where client_id = 'someone-else'", Long.class))
                .isZero();
    }

    private Connection connect(String user, String password) throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    private static void insertAuditRow(Connection connection) throws SQLException {
        execute(
                connection,
                "insert into audit_entry (client_id, access_kind, identity_number, outcome, items) "
                        + "values ('rights-test', 'PERSON_LOOKUP', '191212121212', 'NOT_FOUND', '{}')");
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (var statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
