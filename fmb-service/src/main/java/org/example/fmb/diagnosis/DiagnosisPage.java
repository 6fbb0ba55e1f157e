package org.example.fmb.diagnosis;

import java.util.List;

/** A page of diagnoses. */
public record DiagnosisPage(List<DiagnosisSummary> items, int page, int size, long totalItems, int totalPages) {}
