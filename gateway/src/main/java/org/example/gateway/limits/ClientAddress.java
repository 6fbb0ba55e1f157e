package org.example.gateway.limits;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.security.web.util.matcher.IpAddressMatcher;

/**
 * The address a request comes from, for the per-address budgets. {@code X-Forwarded-For} is believed only when the
 * direct peer is a trusted proxy, and then only as far as the chain of trusted proxies goes: the right-most address
 * that is not one of them is the client (anything further left was written by the client itself).
 */
final class ClientAddress {

    private final List<IpAddressMatcher> trustedProxies;

    ClientAddress(List<String> trustedProxies) {
        this.trustedProxies = trustedProxies.stream()
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .map(IpAddressMatcher::new)
                .toList();
    }

    String of(HttpServletRequest request) {
        var peer = request.getRemoteAddr();
        if (trustedProxies.isEmpty() || !trusted(peer)) {
            return peer;
        }
        var forwarded = request.getHeader("X-Forwarded-For");
        if (forwarded == null) {
            return peer;
        }
        var hops = forwarded.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            var hop = hops[i].trim();
            if (!isAddress(hop)) {
                return peer; // not an address: the header was tampered with, so nothing in it is believed
            }
            if (!trusted(hop)) {
                return hop;
            }
        }
        return peer;
    }

    private boolean trusted(String address) {
        try {
            for (var proxy : trustedProxies) {
                if (proxy.matches(address)) {
                    return true;
                }
            }
        } catch (IllegalArgumentException notAnAddress) {
            return false;
        }
        return false;
    }

    /**
     * An IPv4 literal (four numbers 0–255) or an IPv6 one (hex digits, colons, dots), so that matching never looks a
     * name up.
     */
    private static boolean isAddress(String hop) {
        if (hop.isEmpty() || hop.length() > 45) {
            return false;
        }
        if (hop.indexOf(':') >= 0) {
            for (int i = 0; i < hop.length(); i++) {
                char c = hop.charAt(i);
                if (!(Character.digit(c, 16) >= 0 || c == '.' || c == ':')) {
                    return false;
                }
            }
            return true;
        }
        int parts = 0;
        int value = -1;
        for (int i = 0; i <= hop.length(); i++) {
            char c = i < hop.length() ? hop.charAt(i) : '.';
            if (c == '.') {
                if (value < 0 || value > 255) {
                    return false;
                }
                parts++;
                value = -1;
            } else if (c >= '0' && c <= '9') {
                value = value < 0 ? c - '0' : Math.min(value * 10 + (c - '0'), 1000);
            } else {
                return false;
            }
        }
        return parts == 4;
    }
}
