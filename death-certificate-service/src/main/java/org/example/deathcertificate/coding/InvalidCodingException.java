package org.example.deathcertificate.coding;

import java.util.List;

/** The coding breaks the register's rules; nothing was stored. */
class InvalidCodingException extends RuntimeException {

    private final transient List<Problem> problems;

    InvalidCodingException(List<Problem> problems) {
        super(String.join(
                "; ", problems.stream().map(p -> p.field() + ": " + p.message()).toList()));
        this.problems = List.copyOf(problems);
    }

    List<Problem> problems() {
        return problems;
    }

    record Problem(String field, String message) {}
}
