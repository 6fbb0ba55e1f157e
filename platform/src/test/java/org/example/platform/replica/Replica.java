package org.example.platform.replica;

import java.io.IOException;
import java.util.List;
import java.util.stream.Stream;
import org.example.platform.security.TestTokens;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;

/**
 * Another replica of the service under test, as another process of a deployment would be: its application and the
 * test tokens' key ({@link TestTokens.Config}) in a Spring context of its own, on a port of its own, on the same
 * embedded PostgreSQL database as the replica a {@code @SpringBootTest} starts (the database is named after the
 * application, {@code spring.application.name}). Close it after the test.
 */
public class Replica implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private Replica(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /** For a service's own kind of replica that starts with its settings (see the services' {@code SecondReplica}). */
    protected Replica(Replica started) {
        this(started.context);
    }

    /** Starts the application on a port of its own; {@code properties} ({@code name=value}) add to its own. */
    public static Replica start(Class<?> application, String... properties) {
        return start(List.of(application), List.of(properties));
    }

    /**
     * Starts the application with test configurations beside it ({@code sources}: the application class first).
     * The properties are given as command-line arguments, so they override the service's application.yml as they
     * would in a deployment.
     */
    public static Replica start(List<Class<?>> sources, List<String> properties) {
        var arguments = Stream.concat(Stream.of("server.port=0"), properties.stream())
                .map(property -> "--" + property)
                .toArray(String[]::new);
        var context = new SpringApplicationBuilder(Stream.concat(sources.stream(), Stream.of(TestTokens.Config.class))
                        .toArray(Class<?>[]::new))
                .initializers(
                        c -> c.getBeanFactory().registerSingleton("testClassesExcluded", new TestClassesExcluded()))
                .run(arguments);
        return new Replica(context);
    }

    public String baseUrl() {
        return "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
    }

    public ConfigurableApplicationContext context() {
        return context;
    }

    @Override
    public void close() {
        context.close();
    }

    /** Keeps the test configurations of other test classes out of the scan, as {@code @SpringBootTest} does. */
    private static final class TestClassesExcluded extends TypeExcludeFilter {
        @Override
        public boolean match(MetadataReader reader, MetadataReaderFactory factory) throws IOException {
            var metadata = reader.getAnnotationMetadata();
            var name = reader.getClassMetadata().getClassName();
            return metadata.hasAnnotation(TestComponent.class.getName())
                    || metadata.hasMetaAnnotation(TestComponent.class.getName())
                    || name.endsWith("Tests")
                    || name.contains("Tests$");
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof TestClassesExcluded;
        }

        @Override
        public int hashCode() {
            return TestClassesExcluded.class.hashCode();
        }
    }
}
