package org.example.deathcertificate.certificate;

import java.util.List;
import java.util.stream.Collectors;

/** The certificate breaks the rules of the form or of the register; it is not stored. */
public class CertificateValidationException extends RuntimeException {

    private final transient List<Violation> violations;

    CertificateValidationException(List<Violation> violations) {
        super(violations.stream().map(Violation::toString).collect(Collectors.joining(";")));
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}
