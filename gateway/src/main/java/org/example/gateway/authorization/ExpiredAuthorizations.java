package org.example.gateway.authorization;

import java.util.concurrent.TimeUnit;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Removes authorizations nobody can use any more: every token and code in them has expired, or (an authorization
 * request never finished) they are older than an hour and hold none. Any replica may run it; the delete is the same
 * whoever runs it, so running it on each is harmless.
 */
@Component
@ConditionalOnProperty(name = "gateway.authorization-server.enabled", matchIfMissing = true)
class ExpiredAuthorizations {

    private static final Log log = LogFactory.getLog(ExpiredAuthorizations.class);

    private final JdbcTemplate jdbc;

    ExpiredAuthorizations(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Scheduled(fixedDelay = 5, initialDelay = 1, timeUnit = TimeUnit.MINUTES)
    int remove() {
        var removed = jdbc.update("""
                delete from oauth2_authorization
                where coalesce(greatest(authorization_code_expires_at, access_token_expires_at,
                                        refresh_token_expires_at, oidc_id_token_expires_at,
                                        user_code_expires_at, device_code_expires_at),
                               created_at + interval '1 hour') < now()""");
        if (removed > 0) {
            log.debug("Removed " + removed + " expired authorizations");
        }
        return removed;
    }
}
