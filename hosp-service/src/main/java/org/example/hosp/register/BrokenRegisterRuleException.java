package org.example.hosp.register;

/** The update breaks one of the register's rules (dates in the future, before the licence, and so on). */
class BrokenRegisterRuleException extends RuntimeException {

    private final String field;

    BrokenRegisterRuleException(String field, String message) {
        super(message);
        this.field = field;
    }

    String field() {
        return field;
    }
}
