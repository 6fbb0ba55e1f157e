package org.example.hosp.register;

/** The person holds no licence in the profession named. */
class LicenceNotFoundException extends RuntimeException {

    LicenceNotFoundException(Profession profession) {
        super("The person holds no licence as " + profession.code() + ".");
    }
}
