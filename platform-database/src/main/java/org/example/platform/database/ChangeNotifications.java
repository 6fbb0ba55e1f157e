package org.example.platform.database;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;
import java.util.regex.Pattern;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Tells a read model held in memory that another replica changed what it is built from: listens on one PostgreSQL
 * channel ({@code LISTEN}) over a connection of its own, outside the service's pool, and calls {@code onChange} for
 * every transaction that committed a {@code NOTIFY} on it (PostgreSQL sends a notification only after its
 * transaction commits, and folds identical ones of one transaction into one). A connection that fails is opened
 * again (after 1 s, then up to 30 s apart), and {@code onChange} is called once it listens again, since what was
 * notified in between is lost. The service's own timer stays as the fallback for as long as the database is away.
 */
public final class ChangeNotifications implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ChangeNotifications.class);
    private static final Pattern CHANNEL = Pattern.compile("[a-z][a-z0-9_]{0,62}");
    private static final Duration WAIT = Duration.ofSeconds(1);
    private static final Duration CHECK_EVERY = Duration.ofSeconds(30);
    private static final Duration LONGEST_BACK_OFF = Duration.ofSeconds(30);

    private final String channel;
    private final String url;
    private final Properties login = new Properties();
    private final Runnable onChange;
    private volatile Thread listener;
    private volatile Connection connection;
    private volatile boolean listening;

    /**
     * @param channel the channel the triggers or statements {@code NOTIFY} (a plain lower-case name)
     * @param url the service's JDBC URL; {@code user} and {@code password} the service's login
     * @param onChange what to do when the channel was notified: typically rebuild the read model
     */
    public ChangeNotifications(String channel, String url, String user, String password, Runnable onChange) {
        if (!CHANNEL.matcher(channel).matches()) {
            throw new IllegalArgumentException("Not a plain channel name: " + channel);
        }
        this.channel = channel;
        this.url = url;
        if (user != null) {
            login.setProperty("user", user);
        }
        if (password != null) {
            login.setProperty("password", password);
        }
        login.setProperty("ApplicationName", "listen " + channel);
        this.onChange = onChange;
    }

    @Override
    public synchronized void start() {
        if (listener == null) {
            var thread = new Thread(this::listen, "listen-" + channel);
            thread.setDaemon(true);
            listener = thread;
            thread.start();
        }
    }

    @Override
    public synchronized void stop() {
        var running = listener;
        listener = null;
        if (running != null) {
            running.interrupt();
            closeConnection();
            try {
                running.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return listener != null;
    }

    /** Whether it listens right now (its connection is open and has said {@code LISTEN}). */
    public boolean isListening() {
        return listening;
    }

    private void listen() {
        var backOff = Duration.ofSeconds(1);
        var connectedBefore = false;
        while (Thread.currentThread() == listener) {
            try {
                connection = DriverManager.getConnection(url, login);
                try (var statement = connection.createStatement()) {
                    statement.execute("listen " + channel);
                }
                listening = true;
                backOff = Duration.ofSeconds(1);
                if (connectedBefore) {
                    log.info("Listening on {} again; catching up with changes made meanwhile", channel);
                    changed();
                }
                connectedBefore = true;
                receive(connection.unwrap(PGConnection.class));
            } catch (SQLException e) {
                listening = false;
                closeConnection();
                if (Thread.currentThread() != listener) {
                    return;
                }
                log.warn(
                        "Not listening on {} ({}); trying again in {} s", channel, e.getMessage(), backOff.toSeconds());
                try {
                    Thread.sleep(backOff.toMillis());
                } catch (InterruptedException interrupted) {
                    return;
                }
                backOff = backOff.multipliedBy(2).compareTo(LONGEST_BACK_OFF) > 0
                        ? LONGEST_BACK_OFF
                        : backOff.multipliedBy(2);
            }
        }
        listening = false;
        closeConnection();
    }

    /** Waits for notifications until stopped or the connection fails (a quiet connection is checked now and then). */
    private void receive(PGConnection notifications) throws SQLException {
        var nextCheck = System.nanoTime() + CHECK_EVERY.toNanos();
        while (Thread.currentThread() == listener) {
            var received = notifications.getNotifications((int) WAIT.toMillis());
            if (received != null && received.length > 0) {
                changed();
            }
            if (System.nanoTime() - nextCheck > 0) {
                if (!connection.isValid(5)) {
                    throw new SQLException("the listening connection stopped answering");
                }
                nextCheck = System.nanoTime() + CHECK_EVERY.toNanos();
            }
        }
    }

    private void changed() {
        try {
            onChange.run();
        } catch (RuntimeException e) {
            log.warn("Could not apply a change notified on {}", channel, e);
        }
    }

    private void closeConnection() {
        var open = connection;
        if (open != null) {
            try {
                open.close();
            } catch (SQLException e) {
                // closing a connection that already failed
            }
        }
    }
}
