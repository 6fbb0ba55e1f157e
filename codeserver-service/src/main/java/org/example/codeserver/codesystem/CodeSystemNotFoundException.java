package org.example.codeserver.codesystem;

import org.springframework.lang.Nullable;

/** No code system (or no such version of it) is known by the given URL, OID or slug. */
public class CodeSystemNotFoundException extends RuntimeException {

    private final String system;
    private final @Nullable String version;

    public CodeSystemNotFoundException(String system, @Nullable String version) {
        super(
                version == null
                        ? "Unknown code system " + system
                        : "Unknown version " + version + " of code system " + system);
        this.system = system;
        this.version = version;
    }

    public String system() {
        return system;
    }

    /** The version asked for; {@code null} when the code system itself is unknown. */
    public @Nullable String version() {
        return version;
    }
}
