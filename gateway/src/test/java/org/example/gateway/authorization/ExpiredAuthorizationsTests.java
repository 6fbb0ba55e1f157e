package org.example.gateway.authorization;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

@SpringBootTest
class ExpiredAuthorizationsTests {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ExpiredAuthorizations expired;

    @Test
    void removesAuthorizationsWhoseTokensHaveAllExpiredAndAbandonedRequests() {
        var spent = authorization("now() - interval '20 minutes'", null, "now()");
        var refreshable = authorization("now() - interval '20 minutes'", "now() + interval '40 minutes'", "now()");
        var live = authorization("now() + interval '10 minutes'", null, "now()");
        var abandoned = authorization(null, null, "now() - interval '2 hours'");
        var pending = authorization(null, null, "now() - interval '5 minutes'");

        expired.remove();

        assertThat(jdbc.queryForList(
                        "select id from oauth2_authorization where id in (?, ?, ?, ?, ?)",
                        String.class,
                        spent,
                        refreshable,
                        live,
                        abandoned,
                        pending))
                .containsExactlyInAnyOrder(refreshable, live, pending);
    }

    private String authorization(String accessTokenExpiresAt, String refreshTokenExpiresAt, String createdAt) {
        var id = UUID.randomUUID().toString();
        jdbc.update(
                "insert into oauth2_authorization (id, registered_client_id, principal_name,"
                        + " authorization_grant_type, access_token_expires_at, refresh_token_expires_at, created_at)"
                        + " values (?, 'webcert', 'webcert', 'client_credentials', " + accessTokenExpiresAt + ", "
                        + refreshTokenExpiresAt + ", " + createdAt + ")",
                id);
        return id;
    }
}
