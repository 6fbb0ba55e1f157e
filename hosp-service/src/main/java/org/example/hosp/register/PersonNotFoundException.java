package org.example.hosp.register;

/** No person in the register has the identity number asked for. */
public class PersonNotFoundException extends RuntimeException {

    public PersonNotFoundException() {
        super("No person in the register has that identity number.");
    }
}
