package org.example.fmb;

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
 * A second replica of the service beside the one {@link IntegrationTestSupport} starts: the same application and test
 * configuration in a context of its own, on a port of its own, on the same embedded PostgreSQL database (the database
 * is named after the application), as a second process of a deployment would be.
 */
public final class SecondReplica implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private SecondReplica(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /** Starts it with the first replica's settings; {@code properties} add to or override them. */
    public static SecondReplica startLike(ConfigurableApplicationContext first, String... properties) {
        var environment = first.getEnvironment();
        var context = new SpringApplicationBuilder(
                        FmbApplication.class,
                        TestTokens.Config.class,
                        IntegrationTestSupport.TestClockConfiguration.class)
                .initializers(
                        c -> c.getBeanFactory().registerSingleton("testClassesExcluded", new TestClassesExcluded()))
                .run(arguments(
                        List.of(
                                "server.port=0",
                                "fmb.codes.open-for=0s",
                                "fmb.codes.cache-for=0s",
                                "fmb.statistics.flush-interval=1h",
                                "fmb.content.refresh-interval=1h",
                                "fmb.pages.login=form",
                                "fmb.codes.codeserver-url=" + environment.getProperty("fmb.codes.codeserver-url")),
                        properties));
        return new SecondReplica(context);
    }

    /** As command-line arguments, so they override the service's application.yml as they would in a deployment. */
    private static String[] arguments(List<String> defaults, String... properties) {
        return Stream.concat(defaults.stream(), Stream.of(properties))
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
