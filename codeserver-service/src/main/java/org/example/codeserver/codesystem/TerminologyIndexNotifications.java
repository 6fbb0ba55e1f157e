package org.example.codeserver.codesystem;

import org.example.platform.database.ChangeNotifications;
import org.springframework.boot.autoconfigure.jdbc.JdbcConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Loads a code system version into the read model as soon as another replica commits it: the triggers of
 * db/migration V22 notify channel {@code code_systems_changed}. The timer in {@link TerminologyIndex} stays as the
 * fallback for a time the notifications cannot arrive.
 */
@Configuration(proxyBeanMethods = false)
class TerminologyIndexNotifications {

    @Bean
    ChangeNotifications codeSystemChanges(JdbcConnectionDetails database, TerminologyIndex index) {
        return new ChangeNotifications(
                "code_systems_changed",
                database.getJdbcUrl(),
                database.getUsername(),
                database.getPassword(),
                index::refreshFromOtherInstances);
    }
}
