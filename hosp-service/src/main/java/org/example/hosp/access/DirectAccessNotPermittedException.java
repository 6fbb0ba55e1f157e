package org.example.hosp.access;

/** The caller's actor type has no direct access to the register, or not to what it asked for. */
public class DirectAccessNotPermittedException extends RuntimeException {

    private final String actorType;

    public DirectAccessNotPermittedException(String actorType) {
        super(
                actorType == null
                        ? "Direct access to the HoSp register is not permitted for a caller without an actor type."
                        : "Direct access to the HoSp register is not permitted for actor type " + actorType + ".");
        this.actorType = actorType;
    }

    public DirectAccessNotPermittedException(String actorType, String what) {
        super("Actor type " + actorType + " is not permitted " + what + ".");
        this.actorType = actorType;
    }

    public String actorType() {
        return actorType;
    }
}
