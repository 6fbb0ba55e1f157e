package org.example.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.security.web.savedrequest.SimpleSavedRequest;

/**
 * Remembers the page a person asked for before logging in, as Spring Security's session request cache does, but
 * sends them back to it by its path alone. A service behind the gateway sees its own address in the request (the
 * gateway calls it there), so the absolute URL Spring saves would take the browser past the gateway to an address
 * it cannot reach; the path resolves against the address the browser used.
 */
public final class PathOnlyRequestCache implements RequestCache {

    private final HttpSessionRequestCache sessions = new HttpSessionRequestCache();

    @Override
    public void saveRequest(HttpServletRequest request, HttpServletResponse response) {
        sessions.saveRequest(request, response);
    }

    @Override
    public SavedRequest getRequest(HttpServletRequest request, HttpServletResponse response) {
        var saved = sessions.getRequest(request, response);
        if (saved == null) {
            return null;
        }
        var url = URI.create(saved.getRedirectUrl());
        var path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        return new SimpleSavedRequest(url.getRawQuery() == null ? path : path + "?" + url.getRawQuery());
    }

    @Override
    public HttpServletRequest getMatchingRequest(HttpServletRequest request, HttpServletResponse response) {
        return sessions.getMatchingRequest(request, response);
    }

    @Override
    public void removeRequest(HttpServletRequest request, HttpServletResponse response) {
        sessions.removeRequest(request, response);
    }
}
