package org.example.hosp.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.example.hosp.HospApplication;
import org.example.platform.security.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two replicas starting at the same moment on one new, empty database (its own, so no other test's data is there):
 * each runs the synthetic register load at start, and the register is stored once.
 */
class SyntheticRegisterReplicasTests {

    @Test
    void storesTheRegisterOnceWhenTwoReplicasStartAtOnce() throws Exception {
        var contexts = new ArrayList<ConfigurableApplicationContext>();
        var starts = Executors.newFixedThreadPool(2);
        try {
            Callable<ConfigurableApplicationContext> replica = SyntheticRegisterReplicasTests::startReplica;
            List<Future<ConfigurableApplicationContext>> started = starts.invokeAll(List.of(replica, replica));
            for (var context : started) {
                contexts.add(context.get(5, TimeUnit.MINUTES));
            }

            var jdbc = contexts.get(0).getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForObject("select current_database()", String.class))
                    .isEqualTo("hosp_replicas_test");
            assertThat(jdbc.queryForObject("select count(*) from person", Integer.class))
                    .isEqualTo(2000 + DemoPersons.IDENTITY_NUMBERS.size());
            assertThat(jdbc.queryForObject(
                            "select count(*) from (select identity_number from person group by identity_number"
                                    + " having count(*) > 1) twice",
                            Integer.class))
                    .isZero();
            assertThat(jdbc.queryForObject("select count(*) from synthetic_register_load", Integer.class))
                    .isOne();
            assertThat(contexts)
                    .extracting(context ->
                            context.getBean(SyntheticRegisterService.class).state())
                    .containsOnly(SyntheticRegisterService.State.LOADED);
        } finally {
            starts.shutdownNow();
            contexts.forEach(ConfigurableApplicationContext::close);
        }
    }

    private static ConfigurableApplicationContext startReplica() {
        return new SpringApplicationBuilder(HospApplication.class, TestTokens.Config.class)
                .initializers(context ->
                        context.getBeanFactory().registerSingleton("testClassesExcluded", new TestClassesExcluded()))
                .run("--server.port=0", "--spring.application.name=hosp-replicas-test");
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
