package org.example.hosp.synthetic;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.example.hosp.register.RegisterLoadService;
import org.example.hosp.register.RegisterRows;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Service;

/**
 * Loads the demo persons and the synthetic register at first start with PostgreSQL COPY, in one transaction, and
 * only once: a marker row makes later starts (and concurrent instances, through an advisory lock) skip the load. It
 * never adds synthetic persons to a register that already holds persons it did not load (a real register).
 */
@Service
class SyntheticRegisterService implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SyntheticRegisterService.class);
    private static final long LOAD_LOCK = 0x53796e52L;
    private static final int CHUNK = 25_000;

    enum State {
        PENDING,
        LOADING,
        LOADED,
        FAILED,
        DISABLED
    }

    private final DataSource dataSource;
    private final RegisterLoadService register;
    private final SyntheticRegisterProperties properties;
    private volatile State state = State.PENDING;
    private volatile String detail = "";

    SyntheticRegisterService(
            DataSource dataSource, RegisterLoadService register, SyntheticRegisterProperties properties) {
        this.dataSource = dataSource;
        this.register = register;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!properties.enabled()) {
            state = State.DISABLED;
            return;
        }
        if (properties.background()) {
            var loader = new Thread(this::loadSafely, "synthetic-register-load");
            loader.setDaemon(true);
            loader.start();
        } else {
            loadSafely();
        }
    }

    State state() {
        return state;
    }

    String detail() {
        return detail;
    }

    private void loadSafely() {
        state = State.LOADING;
        try {
            load();
            state = State.LOADED;
        } catch (SQLException | IOException | RuntimeException e) {
            state = State.FAILED;
            detail = "The synthetic register could not be loaded.";
            log.error("Loading the synthetic register failed", e);
        }
    }

    /** Loads the register unless it is already there; answers the number of persons loaded (0 when skipped). */
    int load() throws SQLException, IOException {
        long started = System.nanoTime();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                try (var statement = connection.createStatement()) {
                    statement.execute("select pg_advisory_xact_lock(" + LOAD_LOCK + ")");
                    // The foreign-key checks of the COPYs are planned once, while the tables still look empty (and
                    // after an aborted load they were vacuumed empty): the planner then picks a sequential scan of
                    // person per licence row, which turns a one-minute load into hours. Index lookups are always right
                    // here.
                    statement.execute("set local enable_seqscan = off");
                    try (var marker =
                            statement.executeQuery("select persons, duration_ms from synthetic_register_load")) {
                        if (marker.next()) {
                            detail = "Loaded earlier: " + marker.getInt(1) + " synthetic persons in "
                                    + marker.getLong(2) + " ms.";
                            log.info("Synthetic register already loaded ({} persons); skipping", marker.getInt(1));
                            connection.commit();
                            return 0;
                        }
                    }
                }
                if (register.holdsPersons(connection)) {
                    detail = "The register already holds persons it did not load; no synthetic data added.";
                    log.warn("The register already holds persons that the synthetic loader did not load; "
                            + "not adding synthetic persons (set hosp.synthetic-register.enabled=false)");
                    connection.commit();
                    return 0;
                }
                var demo = new RegisterRows(register.nextLicenceId(connection));
                DemoPersons.write(demo);
                register.copy(connection, demo);
                copyGenerated(connection, demo.nextLicenceId());
                long millis = (System.nanoTime() - started) / 1_000_000;
                register.finishLoad(connection);
                try (var statement = connection.createStatement()) {
                    statement.execute("insert into synthetic_register_load (id, persons, seed, duration_ms) values (1, "
                            + properties.persons() + ", " + properties.seed() + ", " + millis + ")");
                }
                connection.commit();
                detail = "Loaded " + properties.persons() + " synthetic persons and "
                        + DemoPersons.IDENTITY_NUMBERS.size() + " demo persons in " + millis + " ms.";
                log.info(
                        "Synthetic register: {} persons generated and loaded with COPY in {} ms",
                        properties.persons() + DemoPersons.IDENTITY_NUMBERS.size(),
                        millis);
            } catch (SQLException | IOException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
            connection.setAutoCommit(true);
            register.analyze(connection);
        }
        return properties.persons();
    }

    /**
     * Generates on a second thread while this one streams the finished chunks into COPY, so that generating and
     * loading overlap. A bounded queue keeps at most a few chunks in memory.
     */
    private void copyGenerated(Connection connection, long firstLicenceId) throws SQLException, IOException {
        BlockingQueue<RegisterRows> chunks = new ArrayBlockingQueue<>(3);
        var end = new RegisterRows(0);
        var failure = new RuntimeException[1];
        var generator = new Thread(
                () -> {
                    try {
                        new SyntheticRegisterGenerator(properties.seed())
                                .generate(properties.persons(), CHUNK, firstLicenceId, rows -> put(chunks, rows));
                    } catch (RuntimeException e) {
                        failure[0] = e;
                    } finally {
                        put(chunks, end);
                    }
                },
                "synthetic-register-generator");
        generator.setDaemon(true);
        generator.start();
        try {
            for (var rows = chunks.take(); rows != end; rows = chunks.take()) {
                register.copy(connection, rows);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while loading the synthetic register", e);
        } finally {
            generator.interrupt();
        }
        if (failure[0] != null) {
            throw failure[0];
        }
    }

    private static void put(BlockingQueue<RegisterRows> chunks, RegisterRows rows) {
        try {
            if (!chunks.offer(rows, 10, TimeUnit.MINUTES)) {
                throw new IllegalStateException("The loader stopped taking chunks");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while generating the synthetic register", e);
        }
    }
}
