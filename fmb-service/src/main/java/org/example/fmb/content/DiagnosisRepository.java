package org.example.fmb.content;

import org.springframework.data.jpa.repository.JpaRepository;

interface DiagnosisRepository extends JpaRepository<Diagnosis, Long> {}
