package org.example.codeserver.codesystem;

import org.springframework.lang.Nullable;

/** The file or resource to import breaks a rule; names the line (or row) when one is at fault. */
public class InvalidCodeSystemException extends RuntimeException {

    private final int line;
    private final @Nullable String field;

    public InvalidCodeSystemException(int line, String message) {
        this(line, null, message);
    }

    public InvalidCodeSystemException(int line, @Nullable String field, String message) {
        super(line > 0 ? "Line " + line + ": " + message : message);
        this.line = line;
        this.field = field;
    }

    /** The 1-based line or row at fault, 0 when the error is not tied to a line. */
    public int line() {
        return line;
    }

    /** The field at fault, when one is. */
    public @Nullable String field() {
        return field;
    }
}
