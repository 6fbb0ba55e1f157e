package org.example.hosp.register;

/** Specialist certificates exist only for doctors (LK) and dentists (TL). */
class SpecialistCertificateNotApplicableException extends RuntimeException {

    SpecialistCertificateNotApplicableException(Profession profession) {
        super("Specialist certificates are issued only to doctors (LK) and dentists (TL), not to " + profession.code()
                + " (" + profession.title() + ").");
    }
}
