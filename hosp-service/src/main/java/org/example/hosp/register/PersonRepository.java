package org.example.hosp.register;

import jakarta.persistence.QueryHint;
import java.util.Optional;
import org.hibernate.jpa.HibernateHints;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.jpa.repository.QueryHints;
import org.springframework.data.repository.query.Param;

interface PersonRepository extends JpaRepository<Person, String> {

    /** The person with everything the register holds, in one query. */
    @EntityGraph(attributePaths = {"licences", "licences.specialistCertificates", "licences.restrictions",
            "educations"})
    @Query("select p from Person p where p.identityNumber = :identityNumber")
    Optional<Person> findComplete(@Param("identityNumber") String identityNumber);

    /** As {@link #findComplete}, for reading only: Hibernate keeps no snapshot to dirty-check. */
    @EntityGraph(attributePaths = {"licences", "licences.specialistCertificates", "licences.restrictions",
            "educations"})
    @Query("select p from Person p where p.identityNumber = :identityNumber")
    @QueryHints(@QueryHint(name = HibernateHints.HINT_READ_ONLY, value = "true"))
    Optional<Person> findForReading(@Param("identityNumber") String identityNumber);
}
