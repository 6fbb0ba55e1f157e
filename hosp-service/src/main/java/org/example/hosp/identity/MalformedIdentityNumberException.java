package org.example.hosp.identity;

/** The text given is not a valid personnummer or samordningsnummer; the message never repeats the input. */
public class MalformedIdentityNumberException extends RuntimeException {

    MalformedIdentityNumberException(String reason) {
        super("Not a valid personnummer or samordningsnummer: " + reason + ".");
    }
}
