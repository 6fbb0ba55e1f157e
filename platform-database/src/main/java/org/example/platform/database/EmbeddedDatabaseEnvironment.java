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
 * {@code spring.application.name}: Flyway logs in as the database's owner, the service as its own role (see
 * {@link ServiceDatabase}). {@code suite.embedded-database.directory} keeps the data between
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
        var name =
                environment.getProperty("spring.application.name").toLowerCase().replace('-', '_');
        var properties = new HashMap<String, Object>();
        var database = EmbeddedPostgresServer.database(postgres, name);
        properties.put("spring.datasource.url", database.url());
        properties.put("spring.datasource.username", database.serviceRole());
        properties.put("spring.datasource.password", database.servicePassword());
        properties.put("spring.flyway.user", database.owner());
        properties.put("spring.flyway.password", database.ownerPassword());
        environment.getPropertySources().addFirst(new MapPropertySource("embeddedPostgres", properties));
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
