package org.example.hosp;

/** The demo persons' identity numbers (see docs/hosp.md), for tests in any package. */
public final class DemoPersonNumbers {

    public static final String SPECIALIST_DOCTOR = "197003122442";
    public static final String NURSE_WITH_REVOKED_LICENCE = "198504172738";
    public static final String DOCTOR_WITH_LIMITED_PRESCRIBING = "197809223824";
    public static final String PROTECTED_IDENTITY = "199002148261";
    public static final String DENTIST_ON_TRIAL_PERIOD = "198211069151";
    public static final String PHYSIOTHERAPIST_WITH_SAMORDNINGSNUMMER = "199107695315";
    public static final String DECEASED_DOCTOR = "194505132995";
    public static final String NURSE_AND_MIDWIFE = "198806301480";

    private DemoPersonNumbers() {}
}
