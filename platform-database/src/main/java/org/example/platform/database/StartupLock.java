package org.example.platform.database;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Runs a start-up job (loading reference data, creating what every replica needs) on one replica at a time: the job
 * runs while this replica holds a PostgreSQL advisory lock named after it, and another replica starting at the same
 * moment waits for the lock and then runs the job itself, which finds the work done. So the job needs to be idempotent
 * (skip what is stored), and a replica that dies half-way leaves the rest to the next one: PostgreSQL releases the
 * lock with the connection. Unlike a scheduler lock it waits rather than skips, so no replica reports ready before the
 * data it serves is there.
 */
public final class StartupLock {

    private final DataSource dataSource;
    private final String name;

    public StartupLock(DataSource dataSource, String name) {
        this.dataSource = dataSource;
        this.name = name;
    }

    public void run(Runnable job) {
        try (var connection = dataSource.getConnection()) {
            lock(connection, "select pg_advisory_lock(hashtextextended(?, 0))");
            try {
                job.run();
            } finally {
                try {
                    lock(connection, "select pg_advisory_unlock(hashtextextended(?, 0))");
                } catch (IllegalStateException e) {
                    connection.abort(Runnable::run); // never back into a pool with the lock still held
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not take or give back the start-up lock " + name, e);
        }
    }

    private void lock(Connection connection, String sql) {
        try (var statement = connection.prepareStatement(sql)) {
            statement.setString(1, name);
            statement.execute();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not take or give back the start-up lock " + name, e);
        }
    }
}
