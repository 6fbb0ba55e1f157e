package org.example.hosp.register;

import java.time.LocalDate;

/** Basic education behind a licence. */
public record RegisteredEducation(String professionCode, String school, String country, LocalDate examDate) {}
