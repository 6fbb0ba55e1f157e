package org.example.platform.database;

/**
 * A service's database on the embedded PostgreSQL and its two roles: the owner, which Flyway logs in as (it owns the
 * schema and may change it), and the service's own role, which the running service logs in as (only the rights the
 * service's Flyway callback grants it: no DDL, no trigger changes).
 */
public record ServiceDatabase(
        String url, String owner, String ownerPassword, String serviceRole, String servicePassword) {

    @Override
    public String toString() {
        return "ServiceDatabase[" + url + ", owner " + owner + ", service role " + serviceRole + "]";
    }
}
