package org.example.hosp.register;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import java.time.LocalDate;

/** Basic education (grundutbildning) behind a licence: profession, school, country and date of the degree. */
@Entity
class Education {

    @Id
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "identity_number")
    private Person person;

    private String professionCode;
    private String school;
    private String country;
    private LocalDate examDate;

    protected Education() {}

    String getProfessionCode() {
        return professionCode;
    }

    String getSchool() {
        return school;
    }

    String getCountry() {
        return country;
    }

    LocalDate getExamDate() {
        return examDate;
    }
}
