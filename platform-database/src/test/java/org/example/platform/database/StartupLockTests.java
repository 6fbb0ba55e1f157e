package org.example.platform.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class StartupLockTests {

    private final ServiceDatabase database =
            EmbeddedPostgresServer.database(EmbeddedPostgresServer.start(null, 0), "platform_startup_lock");
    private final javax.sql.DataSource dataSource = dataSource();

    @Test
    void runsAJobStartedByTwoReplicasAtOnceOneAfterTheOther() throws Exception {
        var running = new AtomicInteger();
        var mostAtOnce = new AtomicInteger();
        var done = new AtomicInteger();
        var bothStarting = new CyclicBarrier(2);
        Runnable replica = () -> {
            try {
                bothStarting.await(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            new StartupLock(dataSource, "load-register").run(() -> {
                mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
                sleep(500);
                running.decrementAndGet();
                done.incrementAndGet();
            });
        };
        var replicas = Executors.newFixedThreadPool(2);
        try {
            var first = replicas.submit(replica);
            var second = replicas.submit(replica);
            first.get(20, TimeUnit.SECONDS);
            second.get(20, TimeUnit.SECONDS);
        } finally {
            replicas.shutdownNow();
        }

        assertThat(done).hasValue(2);
        assertThat(mostAtOnce).hasValue(1);
    }

    @Test
    void givesTheLockBackWhenTheJobFails() throws Exception {
        var lock = new StartupLock(dataSource, "failing-job");
        assertThatThrownBy(() -> lock.run(() -> {
                    throw new IllegalStateException("broken file");
                }))
                .hasMessage("broken file");

        var ran = new CountDownLatch(1);
        var other = new Thread(() -> new StartupLock(dataSource(), "failing-job").run(ran::countDown));
        other.start();
        assertThat(ran.await(5, TimeUnit.SECONDS)).isTrue();
    }

    private javax.sql.DataSource dataSource() {
        var source = new org.postgresql.ds.PGSimpleDataSource();
        source.setUrl(database.url());
        source.setUser(database.serviceRole());
        source.setPassword(database.servicePassword());
        return source;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
