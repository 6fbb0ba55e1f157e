package org.example.hosp.register;

/** A profession code that is not one of the register's legitimationsyrken. */
public class UnknownProfessionException extends RuntimeException {

    UnknownProfessionException() {
        super("professionCode is not one of the register's profession codes (AP, AT, AU, BA, BM, DT, FT, HK, KP, "
                + "LG, LK, NA, OP, OT, PS, PT, RC, RS, SF, SG, SJ, TH, TL).");
    }
}
