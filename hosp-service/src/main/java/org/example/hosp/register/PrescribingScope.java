package org.example.hosp.register;

/** The scope of a person's prescribing rights (omfattning av förskrivningsrätt). */
public enum PrescribingScope {
    /** Doctors: all medicinal products. */
    FULL,
    /** Dentists: products for dental care. */
    DENTAL_CARE,
    /** Specialist nurses: the products the regulation lists for nurses. */
    NURSE_FORMULARY,
    /** Midwives: hormonal contraceptives. */
    CONTRACEPTIVES,
    /** Dental hygienists: the products the regulation lists for dental hygienists. */
    DENTAL_HYGIENE
}
