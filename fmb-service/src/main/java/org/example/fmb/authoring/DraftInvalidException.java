package org.example.fmb.authoring;

import java.util.List;

/** A draft cannot go to review: the errors name each field; warnings are what could not be verified. */
public class DraftInvalidException extends RuntimeException {

    private final List<FieldMessage> errors;
    private final List<String> warnings;

    DraftInvalidException(List<FieldMessage> errors, List<String> warnings) {
        super(errors.size() + " problem(s) must be fixed before review.");
        this.errors = List.copyOf(errors);
        this.warnings = List.copyOf(warnings);
    }

    public List<FieldMessage> errors() {
        return errors;
    }

    public List<String> warnings() {
        return warnings;
    }
}
