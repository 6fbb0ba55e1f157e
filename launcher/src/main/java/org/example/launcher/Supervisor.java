package org.example.launcher;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Predicate;

/**
 * Watches the local run once it is ready: a service whose process dies (kill -9, a crash, out of memory) is started
 * again with a back-off, a service that stops answering its readiness check is reported, and a PostgreSQL server that
 * dies is started again on its data. Every change is said on the console, and the suite counts as ready only while the
 * database runs and every service answers ready.
 */
final class Supervisor {

    /** The embedded database as the supervisor sees it. */
    interface Database {
        boolean isRunning();

        void restart();
    }

    static final Duration HEALTH_CHECK_INTERVAL = Duration.ofSeconds(5);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final List<SuiteProcess> processes;
    private final Database database;
    private final Predicate<SuiteService> readiness;
    private final PrintStream out;
    private final Clock clock;
    private boolean databaseDown;
    private Instant databaseDownSince;
    private Instant nextDatabaseStart;
    private int databaseRestartsInARow;
    private boolean ready = true;
    private Instant nextHealthCheck;

    Supervisor(
            List<SuiteProcess> processes,
            Database database,
            Predicate<SuiteService> readiness,
            PrintStream out,
            Clock clock) {
        this.processes = List.copyOf(processes);
        this.database = database;
        this.readiness = readiness;
        this.out = out;
        this.clock = clock;
        this.nextHealthCheck = clock.instant().plus(HEALTH_CHECK_INTERVAL);
    }

    /** One round: the database first (the services need it), then every service. */
    synchronized void check() {
        var now = clock.instant();
        checkDatabase(now);
        var healthCheck = !now.isBefore(nextHealthCheck);
        if (healthCheck) {
            nextHealthCheck = now.plus(HEALTH_CHECK_INTERVAL);
        }
        for (var process : processes) {
            check(process, now, healthCheck);
        }
        var readyNow = !databaseDown && processes.stream().allMatch(p -> p.state() == SuiteProcess.State.READY);
        if (readyNow && !ready) {
            say(
                    now,
                    "The suite is ready again: PostgreSQL runs and all " + processes.size() + " services are healthy.");
        } else if (!readyNow && ready) {
            say(now, "The suite is NOT ready: " + summary());
        }
        ready = readyNow;
    }

    private void checkDatabase(Instant now) {
        if (!databaseDown && !database.isRunning()) {
            databaseDown = true;
            databaseDownSince = now;
            nextDatabaseStart = now.plus(SuiteProcess.FIRST_BACK_OFF);
            say(now, "PostgreSQL stopped; starting it again in " + SuiteProcess.FIRST_BACK_OFF.toSeconds() + " s");
        }
        if (databaseDown && !now.isBefore(nextDatabaseStart)) {
            try {
                database.restart();
                databaseDown = false;
                databaseRestartsInARow = 0;
                say(
                        now,
                        "PostgreSQL started again (down "
                                + Duration.between(databaseDownSince, now).toSeconds()
                                + " s); it recovered every committed transaction from its log");
            } catch (RuntimeException e) {
                var backOff = SuiteProcess.FIRST_BACK_OFF.multipliedBy(1L << Math.min(++databaseRestartsInARow, 4));
                nextDatabaseStart = now.plus(backOff);
                say(
                        now,
                        "PostgreSQL did not start yet (" + e.getMessage() + "); trying again in " + backOff.toSeconds()
                                + " s");
            }
        }
    }

    private void check(SuiteProcess process, Instant now, boolean healthCheck) {
        var name = process.service().name();
        switch (process.state()) {
            case READY, UNHEALTHY, STARTING -> {
                if (!process.isAlive()) {
                    var backOff = process.died(now);
                    say(
                            now,
                            name + " stopped (exit code " + process.exitValue() + "); starting it again in "
                                    + backOff.toSeconds() + " s");
                } else if (process.state() == SuiteProcess.State.STARTING) {
                    if (readiness.test(process.service())) {
                        say(
                                now,
                                name + " is ready again ("
                                        + Duration.between(process.since(), now).toSeconds() + " s after its restart)");
                        process.ready(now);
                    }
                } else if (healthCheck) {
                    if (readiness.test(process.service())) {
                        if (process.state() == SuiteProcess.State.UNHEALTHY) {
                            say(now, name + " answers ready again");
                        }
                        process.ready(now);
                    } else if (process.checkFailed(now)) {
                        say(now, name + " runs but does not answer ready (three checks in a row)");
                    }
                }
            }
            case DOWN -> {
                if (process.restartDue(now)) {
                    try {
                        process.restart(now);
                        say(
                                now,
                                "Restarting " + name + " (restart " + process.restarts() + ", pid " + process.pid()
                                        + ")");
                    } catch (Exception e) {
                        var backOff = process.died(now);
                        say(
                                now,
                                name + " could not be started (" + e.getMessage() + "); trying again in "
                                        + backOff.toSeconds() + " s");
                    }
                }
            }
        }
    }

    /** Whether the suite is ready: the database runs and every service answered ready at its last check. */
    synchronized boolean isReady() {
        return ready;
    }

    /** Each part and its state, e.g. {@code PostgreSQL running, gateway READY, hosp-service DOWN, …}. */
    synchronized String summary() {
        var parts = new StringBuilder("PostgreSQL ").append(databaseDown ? "DOWN" : "running");
        for (var process : processes) {
            parts.append(", ").append(process.service().name()).append(' ').append(process.state());
        }
        return parts.toString();
    }

    private void say(Instant now, String message) {
        out.println(LocalTime.ofInstant(now, ZoneId.systemDefault()).format(TIME) + " " + message);
    }
}
