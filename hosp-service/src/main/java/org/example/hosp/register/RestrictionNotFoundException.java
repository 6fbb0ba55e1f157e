package org.example.hosp.register;

/** The person has no restriction with the id named. */
class RestrictionNotFoundException extends RuntimeException {

    RestrictionNotFoundException(long id) {
        super("The person has no restriction with id " + id + ".");
    }
}
