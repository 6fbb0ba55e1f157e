package org.example.hosp.register;

import java.util.Optional;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface PersonRepository extends JpaRepository<Person, String> {

    /** The person with licences, certificates and restrictions, in one query, for the registrar's updates. */
    @EntityGraph(attributePaths = {"licences", "licences.specialistCertificates", "licences.restrictions"})
    @Query("select p from Person p where p.identityNumber = :identityNumber")
    Optional<Person> findComplete(@Param("identityNumber") String identityNumber);
}
