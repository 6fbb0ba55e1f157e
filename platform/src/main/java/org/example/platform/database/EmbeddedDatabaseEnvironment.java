package org.example.platform.database;

import java.nio.file.Path;
import java.util.HashMap;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;

/**
 * When a service has no {@code spring.datasource.url} (no {@code DB_URL} in the environment), starts
 * the embedded PostgreSQL and points the service at its own database on it, named after
 * {@code spring.application.name}. {@code suite.embedded-database.directory} keeps the data between
 * runs; without it the data is thrown away when the JVM stops (tests).
 */
public class EmbeddedDatabaseEnvironment implements EnvironmentPostProcessor, Ordered {

    private static final String ZONKY = "io.zonky.test.db.postgres.embedded.EmbeddedPostgres";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (StringUtils.hasText(environment.getProperty("spring.datasource.url"))
                || !environment.getProperty("suite.embedded-database.enabled", Boolean.class, true)
                || !ClassUtils.isPresent(ZONKY, getClass().getClassLoader())
                || !StringUtils.hasText(environment.getProperty("spring.application.name"))) {
            return;
        }
        var directory = environment.getProperty("suite.embedded-database.directory");
        var port = environment.getProperty("suite.embedded-database.port", Integer.class, 0);
        var postgres = EmbeddedPostgresServer.start(StringUtils.hasText(directory) ? Path.of(directory) : null, port);
        var name = environment.getProperty("spring.application.name").toLowerCase().replace('-', '_');
        var properties = new HashMap<String, Object>();
        properties.put("spring.datasource.url", EmbeddedPostgresServer.database(postgres, name));
        properties.put("spring.datasource.username", "postgres");
        properties.put("spring.datasource.password", "");
        environment.getPropertySources().addFirst(new MapPropertySource("embeddedPostgres", properties));
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
