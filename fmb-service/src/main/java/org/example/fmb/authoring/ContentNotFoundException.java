package org.example.fmb.authoring;

/** No diagnosis, version or principles version with the given id or number. */
public class ContentNotFoundException extends RuntimeException {
    ContentNotFoundException(String message) {
        super(message);
    }
}
