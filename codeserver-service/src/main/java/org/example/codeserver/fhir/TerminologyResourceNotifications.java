package org.example.codeserver.fhir;

import org.example.platform.database.ChangeNotifications;
import org.springframework.boot.autoconfigure.jdbc.JdbcConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Re-reads the stored FHIR resources as soon as another replica commits a change to them: the trigger of
 * db/migration V23 notifies channel {@code terminology_resources_changed}. The timer in
 * {@link TerminologyResourceService} stays as the fallback for a time the notifications cannot arrive.
 */
@Configuration(proxyBeanMethods = false)
class TerminologyResourceNotifications {

    @Bean
    ChangeNotifications terminologyResourceChanges(
            JdbcConnectionDetails database, TerminologyResourceService resources) {
        return new ChangeNotifications(
                "terminology_resources_changed",
                database.getJdbcUrl(),
                database.getUsername(),
                database.getPassword(),
                resources::refreshFromOtherInstances);
    }
}
