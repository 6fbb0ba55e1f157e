package org.example.codeserver.codesystem;

/** An OID this server knows (SNOMED CT, an identifier namespace) but serves no code system for. */
class CodeSystemNotServedException extends RuntimeException {

    private final ExternalOid external;

    CodeSystemNotServedException(ExternalOid external) {
        super(external.explanation());
        this.external = external;
    }

    ExternalOid external() {
        return external;
    }
}
