package org.example.launcher;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;

/**
 * One service's process in the local run, as the supervisor sees it: started, ready, down (and when to start it
 * again), or running but failing its readiness check. Restarts wait longer each time (1 s, 2 s, 4 s … at most 30 s);
 * a service that got ready again starts the back-off from 1 s the next time.
 */
final class SuiteProcess {

    enum State {
        STARTING,
        READY,
        UNHEALTHY,
        DOWN
    }

    /** Starts the service's process: the command, environment and log of the local run (SuiteLauncher). */
    @FunctionalInterface
    interface Start {
        Process start(SuiteService service, boolean again) throws IOException, InterruptedException;
    }

    static final Duration FIRST_BACK_OFF = Duration.ofSeconds(1);
    static final Duration LONGEST_BACK_OFF = Duration.ofSeconds(30);

    private final SuiteService service;
    private final Start start;
    private Process process;
    private State state = State.STARTING;
    private Instant since = Instant.now();
    private Instant nextStart;
    private int failedChecks;
    private int restartsInARow;
    private int restarts;

    SuiteProcess(SuiteService service, Start start) {
        this.service = service;
        this.start = start;
    }

    void start() throws IOException, InterruptedException {
        process = start.start(service, false);
        state = State.STARTING;
        since = Instant.now();
    }

    /** Its process died: it is down until {@link #restartDue}, which waits longer the more restarts in a row. */
    Duration died(Instant now) {
        var backOff = FIRST_BACK_OFF.multipliedBy(1L << Math.min(restartsInARow, 5));
        if (backOff.compareTo(LONGEST_BACK_OFF) > 0) {
            backOff = LONGEST_BACK_OFF;
        }
        state = State.DOWN;
        since = now;
        nextStart = now.plus(backOff);
        return backOff;
    }

    boolean restartDue(Instant now) {
        return state == State.DOWN && !now.isBefore(nextStart);
    }

    void restart(Instant now) throws IOException, InterruptedException {
        restartsInARow++;
        restarts++;
        process = start.start(service, true);
        state = State.STARTING;
        since = now;
    }

    /** Its readiness check passed. */
    void ready(Instant now) {
        if (state != State.READY) {
            since = now;
        }
        state = State.READY;
        restartsInARow = 0;
        failedChecks = 0;
    }

    /** Its readiness check failed while it was ready: after three in a row it counts as unhealthy. */
    boolean checkFailed(Instant now) {
        if (state == State.READY && ++failedChecks >= 3) {
            state = State.UNHEALTHY;
            since = now;
            return true;
        }
        return false;
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    int exitValue() {
        return process.exitValue();
    }

    long pid() {
        return process.pid();
    }

    Process process() {
        return process;
    }

    SuiteService service() {
        return service;
    }

    State state() {
        return state;
    }

    Instant since() {
        return since;
    }

    int restarts() {
        return restarts;
    }
}
