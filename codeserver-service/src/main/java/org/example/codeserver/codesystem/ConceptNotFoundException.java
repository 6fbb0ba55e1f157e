package org.example.codeserver.codesystem;

import org.springframework.lang.Nullable;

/** The code is not in the code system version. */
public class ConceptNotFoundException extends RuntimeException {

    private final String system;
    private final @Nullable String version;

    public ConceptNotFoundException(String system, @Nullable String version, String code) {
        super("Code " + code + " is not in code system " + system + (version == null ? "" : " version " + version));
        this.system = system;
        this.version = version;
    }

    /** Where the code was looked for, without the code itself (which is the caller's value, not a known one). */
    public String withoutCode() {
        return "Unknown code in code system " + system + (version == null ? "" : " version " + version);
    }
}
