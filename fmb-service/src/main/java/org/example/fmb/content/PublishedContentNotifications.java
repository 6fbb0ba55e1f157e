package org.example.fmb.content;

import org.example.platform.database.ChangeNotifications;
import org.springframework.boot.autoconfigure.jdbc.JdbcConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Rebuilds the published content as soon as another replica commits a workflow step: the {@code version_event}
 * trigger notifies channel {@code fmb_content_changed} (db/migration V6). The timer in
 * {@link PublishedContentService} stays as the fallback for a time the notifications cannot arrive.
 */
@Configuration(proxyBeanMethods = false)
class PublishedContentNotifications {

    @Bean
    ChangeNotifications publishedContentChanges(JdbcConnectionDetails database, PublishedContentService content) {
        return new ChangeNotifications(
                "fmb_content_changed",
                database.getJdbcUrl(),
                database.getUsername(),
                database.getPassword(),
                content::refreshIfChanged);
    }
}
