package org.example.fmb.authoring;

/** The reviewer wrote (part of) the version; a second person must approve it. */
public class FourEyesException extends RuntimeException {
    FourEyesException(String message) {
        super(message);
    }
}
