package org.example.platform.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

class DatabaseUnavailableHandlerTests {

    private final DatabaseUnavailableHandler handler = new DatabaseUnavailableHandler();

    @Test
    void noConnectionToTheDatabaseIsA503ProblemWithRetryAfterAndNoSql() {
        var answer = handler.onDatabaseUnavailable(new CannotGetJdbcConnectionException(
                "Failed to obtain JDBC Connection",
                new SQLException("Connection to localhost:15432 refused. select * from audit_entry")));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("5");
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(answer.getBody().getStatus()).isEqualTo(503);
        assertThat(answer.getBody().getDetail())
                .contains("database is unavailable")
                .doesNotContain("select", "15432");
    }

    @Test
    void noTransactionForWantOfAConnectionIsA503Too() {
        var answer =
                handler.onDatabaseUnavailable(new CannotCreateTransactionException("Could not open JPA EntityManager"));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
    }
}
