package org.example.hosp.register;

import java.time.LocalDate;

/** Basic education behind a licence. */
public record RegisteredEducation(String professionCode, String school, String country, LocalDate examDate) {

    static RegisteredEducation of(Education education) {
        return new RegisteredEducation(education.getProfessionCode(), education.getSchool(), education.getCountry(),
                education.getExamDate());
    }
}
