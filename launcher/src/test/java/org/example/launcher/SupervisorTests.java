package org.example.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The supervisor on real processes ({@code sleep}, killed with SIGKILL) and a clock the test moves. */
class SupervisorTests {

    private final SettableClock clock = new SettableClock();
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private final Set<String> notReady = new HashSet<>();
    private final List<Process> started = new ArrayList<>();
    private final FakeDatabase database = new FakeDatabase();
    private List<SuiteProcess> processes;
    private Supervisor supervisor;

    @BeforeEach
    void aReadySuiteOfTwoServices() throws Exception {
        processes = List.of(process("hosp-service", 600), process("death-certificate-service", 600));
        for (var process : processes) {
            process.start();
            process.ready(clock.instant());
        }
        supervisor = new Supervisor(
                processes,
                database,
                service -> !notReady.contains(service.name()),
                new PrintStream(console, true, StandardCharsets.UTF_8),
                clock);
        supervisor.check();
        assertThat(supervisor.isReady()).isTrue();
    }

    @AfterEach
    void stopEverything() {
        started.forEach(Process::destroyForcibly);
    }

    @Test
    void aServiceKilledWithKill9IsStartedAgainAfterItsBackOffAndSaysSo() throws Exception {
        var victim = processes.get(1);
        var killed = victim.pid();
        kill9(victim.process());

        supervisor.check();
        assertThat(output())
                .contains(
                        "death-certificate-service stopped (exit code 137); starting it again in 1 s",
                        "The suite is NOT ready: PostgreSQL running, hosp-service READY, death-certificate-service DOWN");
        assertThat(supervisor.isReady()).isFalse();

        clock.advance(Duration.ofMillis(500));
        supervisor.check();
        assertThat(victim.state()).isEqualTo(SuiteProcess.State.DOWN);

        clock.advance(Duration.ofMillis(500));
        supervisor.check();
        assertThat(output()).contains("Restarting death-certificate-service (restart 1, pid " + victim.pid() + ")");
        assertThat(victim.pid()).isNotEqualTo(killed);
        assertThat(victim.isAlive()).isTrue();
        assertThat(supervisor.isReady()).isFalse();

        supervisor.check();
        assertThat(output())
                .contains(
                        "death-certificate-service is ready again",
                        "The suite is ready again: PostgreSQL runs and all 2 services are healthy.");
        assertThat(supervisor.isReady()).isTrue();
    }

    @Test
    void waitsLongerEachTimeAServiceDiesAgainBeforeItIsReady() throws Exception {
        var victim = processes.get(0);
        var backOffs = new ArrayList<Long>();
        for (int death = 0; death < 4; death++) {
            notReady.add("hosp-service"); // it dies while starting, every time
            kill9(victim.process());
            var diedAt = clock.instant();
            supervisor.check();
            while (victim.state() == SuiteProcess.State.DOWN) {
                clock.advance(Duration.ofMillis(500));
                supervisor.check();
            }
            backOffs.add(Duration.between(diedAt, clock.instant()).toMillis());
        }
        assertThat(backOffs).containsExactly(1000L, 2000L, 4000L, 8000L);
        assertThat(supervisor.isReady()).isFalse();

        notReady.clear();
        supervisor.check();
        assertThat(supervisor.isReady()).isTrue();
        kill9(victim.process());
        supervisor.check();
        assertThat(output())
                .endsWith("hosp-service stopped (exit code 137); starting it again in 1 s"
                        + System.lineSeparator() + timestamp()
                        + " The suite is NOT ready: PostgreSQL running, hosp-service DOWN, "
                        + "death-certificate-service READY" + System.lineSeparator());
    }

    @Test
    void aServiceThatRunsButStopsAnsweringReadyIsReportedAfterThreeChecks() {
        notReady.add("hosp-service");
        for (int i = 0; i < 2; i++) {
            clock.advance(Supervisor.HEALTH_CHECK_INTERVAL);
            supervisor.check();
        }
        assertThat(supervisor.isReady()).isTrue();

        clock.advance(Supervisor.HEALTH_CHECK_INTERVAL);
        supervisor.check();
        assertThat(output())
                .contains(
                        "hosp-service runs but does not answer ready (three checks in a row)",
                        "The suite is NOT ready: PostgreSQL running, hosp-service UNHEALTHY, death-certificate-service READY");
        assertThat(supervisor.isReady()).isFalse();
        assertThat(processes.get(0).isAlive())
                .as("a live process is reported, not killed")
                .isTrue();

        notReady.clear();
        clock.advance(Supervisor.HEALTH_CHECK_INTERVAL);
        supervisor.check();
        assertThat(output()).contains("hosp-service answers ready again", "The suite is ready again");
        assertThat(supervisor.isReady()).isTrue();
    }

    @Test
    void aDeadDatabaseIsStartedAgainAndTheSuiteIsNotReadyMeanwhile() {
        database.running = false;
        database.failuresBeforeStart = 1;

        supervisor.check();
        assertThat(output())
                .contains(
                        "PostgreSQL stopped; starting it again in 1 s",
                        "The suite is NOT ready: PostgreSQL DOWN, hosp-service READY, death-certificate-service READY");
        clock.advance(Duration.ofSeconds(1));
        supervisor.check();
        assertThat(output()).contains("PostgreSQL did not start yet (shared memory still in use); trying again in 2 s");
        assertThat(supervisor.isReady()).isFalse();

        clock.advance(Duration.ofSeconds(2));
        supervisor.check();
        assertThat(database.restarts).isEqualTo(2);
        assertThat(output()).contains("PostgreSQL started again (down 3 s)", "The suite is ready again");
        assertThat(supervisor.isReady()).isTrue();
    }

    private SuiteProcess process(String name, int seconds) {
        var service = new SuiteService(name, name, 0, null, List.of(), Map.of(), 1);
        return new SuiteProcess(service, (s, again) -> {
            var process = new ProcessBuilder("sleep", Integer.toString(seconds)).start();
            started.add(process);
            return process;
        });
    }

    private static void kill9(Process process) throws InterruptedException {
        process.destroyForcibly(); // SIGKILL on Linux
        assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
    }

    private String output() {
        return console.toString(StandardCharsets.UTF_8);
    }

    private String timestamp() {
        return java.time.LocalTime.ofInstant(clock.instant(), ZoneId.systemDefault())
                .format(java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss"));
    }

    private static final class FakeDatabase implements Supervisor.Database {
        boolean running = true;
        int failuresBeforeStart;
        int restarts;

        @Override
        public boolean isRunning() {
            return running;
        }

        @Override
        public void restart() {
            restarts++;
            if (failuresBeforeStart-- > 0) {
                throw new IllegalStateException("shared memory still in use");
            }
            running = true;
        }
    }

    private static final class SettableClock extends Clock {
        private Instant now = Instant.parse("2026-12-06T06:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
