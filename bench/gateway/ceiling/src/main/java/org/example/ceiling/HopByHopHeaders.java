package org.example.ceiling;

import java.util.Locale;
import java.util.Set;

/**
 * The headers that belong to one connection (RFC 9110 section 7.6.1) and are not passed on: the fixed ones and those
 * the {@code Connection} header names. {@code Host} and {@code Content-Length} are left to the proxy's client too.
 */
final class HopByHopHeaders {

    private static final Set<String> FIXED = Set.of(
            "connection",
            "keep-alive",
            "proxy-authenticate",
            "proxy-authorization",
            "proxy-connection",
            "te",
            "trailer",
            "transfer-encoding",
            "upgrade",
            "host",
            "content-length");

    private final String connection;

    /** @param connection the message's {@code Connection} header, or null */
    HopByHopHeaders(String connection) {
        this.connection = connection == null ? "" : connection.toLowerCase(Locale.ROOT);
    }

    boolean passes(String name) {
        var lower = name.toLowerCase(Locale.ROOT);
        if (FIXED.contains(lower)) {
            return false;
        }
        if (connection.isEmpty()) {
            return true;
        }
        for (var token : connection.split(",")) {
            if (token.trim().equals(lower)) {
                return false;
            }
        }
        return true;
    }
}
