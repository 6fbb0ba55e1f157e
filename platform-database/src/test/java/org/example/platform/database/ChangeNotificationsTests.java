package org.example.platform.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ChangeNotificationsTests {

    private final ServiceDatabase database =
            EmbeddedPostgresServer.database(EmbeddedPostgresServer.start(null, 0), "platform_notifications");
    private final AtomicInteger changes = new AtomicInteger();
    private final ChangeNotifications notifications = new ChangeNotifications(
            "things_changed",
            database.url(),
            database.serviceRole(),
            database.servicePassword(),
            changes::incrementAndGet);

    @AfterEach
    void stop() {
        notifications.stop();
    }

    @Test
    void callsBackOnceForEachCommittedTransactionThatNotified() throws Exception {
        listen();

        try (var connection = serviceConnection()) {
            connection.setAutoCommit(false);
            try (var statement = connection.createStatement()) {
                statement.execute("notify things_changed");
                statement.execute("notify things_changed");
            }
            connection.commit();
            try (var statement = connection.createStatement()) {
                statement.execute("notify things_changed");
            }
            connection.rollback();
        }

        await().atMost(Duration.ofSeconds(5)).until(() -> changes.get() == 1);
        Thread.sleep(1_500); // the rolled-back notification never arrives
        assertThat(changes).hasValue(1);
    }

    @Test
    void ignoresOtherChannels() throws Exception {
        listen();

        notify("other_things_changed");
        notify("things_changed");

        await().atMost(Duration.ofSeconds(5)).until(() -> changes.get() == 1);
        assertThat(changes).hasValue(1);
    }

    @Test
    void listensAgainAfterItsConnectionIsCutAndCatchesUpOnce() throws Exception {
        listen();

        try (var superuser = EmbeddedPostgresServer.start(null, 0)
                        .getDatabase("postgres", "platform_notifications")
                        .getConnection();
                var statement = superuser.createStatement()) {
            statement.execute("select pg_terminate_backend(pid) from pg_stat_activity"
                    + " where application_name = 'listen things_changed'");
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> changes.get() == 1); // caught up after listening again
        await().atMost(Duration.ofSeconds(5)).until(notifications::isListening);

        notify("things_changed");

        await().atMost(Duration.ofSeconds(5)).until(() -> changes.get() == 2);
    }

    @Test
    void refusesAChannelNameItWouldHaveToQuote() {
        assertThatIllegalArgumentException()
                .isThrownBy(
                        () -> new ChangeNotifications("x; drop table y", "jdbc:postgresql:x", null, null, () -> {}));
    }

    private void listen() {
        notifications.start();
        await().atMost(Duration.ofSeconds(5)).until(notifications::isListening);
    }

    private void notify(String channel) throws SQLException {
        try (var connection = serviceConnection();
                var statement = connection.createStatement()) {
            statement.execute("notify " + channel);
        }
    }

    private java.sql.Connection serviceConnection() throws SQLException {
        return DriverManager.getConnection(database.url(), database.serviceRole(), database.servicePassword());
    }
}
