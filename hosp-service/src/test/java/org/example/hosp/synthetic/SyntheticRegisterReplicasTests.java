package org.example.hosp.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.example.hosp.HospApplication;
import org.example.platform.replica.Replica;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two replicas starting at the same moment on one new, empty database (its own, so no other test's data is there):
 * each runs the synthetic register load at start, and the register is stored once.
 */
class SyntheticRegisterReplicasTests {

    @Test
    void storesTheRegisterOnceWhenTwoReplicasStartAtOnce() throws Exception {
        var replicas = new ArrayList<Replica>();
        var starts = Executors.newFixedThreadPool(2);
        try {
            Callable<Replica> replica =
                    () -> Replica.start(HospApplication.class, "spring.application.name=hosp-replicas-test");
            List<Future<Replica>> started = starts.invokeAll(List.of(replica, replica));
            for (var each : started) {
                replicas.add(each.get(5, TimeUnit.MINUTES));
            }

            var jdbc = replicas.get(0).context().getBean(JdbcTemplate.class);
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
            assertThat(replicas)
                    .extracting(each -> each.context()
                            .getBean(SyntheticRegisterService.class)
                            .state())
                    .containsOnly(SyntheticRegisterService.State.LOADED);
        } finally {
            starts.shutdownNow();
            replicas.forEach(Replica::close);
        }
    }
}
