package org.example.codeserver.codesystem;

import org.springframework.lang.Nullable;

/** The code is not in the code system version. */
public class ConceptNotFoundException extends RuntimeException {

    public ConceptNotFoundException(String system, @Nullable String version, String code) {
        super("Code " + code + " is not in code system " + system + (version == null ? "" : " version " + version));
    }
}
