package org.example.fmb.sickleave;

import java.util.List;

/** The request breaks a rule of sick-leave periods or codes; each error names its field. */
class InvalidSickLeaveException extends RuntimeException {

    private final List<FieldError> errors;

    InvalidSickLeaveException(List<FieldError> errors) {
        super(errors.get(0).field() + ": " + errors.get(0).message());
        this.errors = List.copyOf(errors);
    }

    List<FieldError> errors() {
        return errors;
    }

    record FieldError(String field, String message) {}
}
