package org.example.codeserver.codesystem;

import org.springframework.lang.Nullable;

/** The version of the code system has already been imported; versions are immutable. */
public class CodeSystemVersionExistsException extends RuntimeException {

    public CodeSystemVersionExistsException(String url, @Nullable String version) {
        super("Code system " + url + (version == null ? " without version" : " version " + version)
                + " is already imported");
    }
}
