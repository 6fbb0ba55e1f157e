package org.example.fmb.diagnosis;

class DiagnosisNotFoundException extends RuntimeException {
    DiagnosisNotFoundException(String message) {
        super(message);
    }
}
