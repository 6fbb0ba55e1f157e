package org.example.codeserver;

import java.io.IOException;
import java.util.stream.Stream;
import org.example.platform.security.TestTokens;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;

/**
 * A second replica of the service beside the one a {@code @SpringBootTest} starts: the same application and test
 * tokens in a context of its own, on a port of its own, on the same embedded PostgreSQL database (the database is
 * named after the application), as a second process of a deployment would be.
 */
public final class SecondReplica implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private SecondReplica(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /** Starts it on a port of its own; {@code properties} add to the service's own. */
    public static SecondReplica start(String... properties) {
        var context = new SpringApplicationBuilder(CodeserverApplication.class, TestTokens.Config.class)
                .initializers(
                        c -> c.getBeanFactory().registerSingleton("testClassesExcluded", new TestClassesExcluded()))
                .run(arguments(properties));
        return new SecondReplica(context);
    }

    /** As command-line arguments, so they override the service's application.yml as they would in a deployment. */
    private static String[] arguments(String... properties) {
        return Stream.concat(Stream.of("server.port=0"), Stream.of(properties))
                .map(property -> "--" + property)
                .toArray(String[]::new);
    }

    public String baseUrl() {
        return "http://localhost" + ":" + context.getEnvironment().getProperty("local.server.port");
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
            return metadata.hasAnnotation(TestComponent.class.getName())
                    || metadata.hasMetaAnnotation(TestComponent.class.getName())
                    || reader.getClassMetadata().getClassName().endsWith("Tests")
                    || reader.getClassMetadata().getClassName().contains("Tests$");
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
