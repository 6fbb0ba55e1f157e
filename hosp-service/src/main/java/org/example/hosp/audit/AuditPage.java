package org.example.hosp.audit;

import java.util.List;

/** A page of audit rows, newest first. */
public record AuditPage(List<AuditEntry> entries, int page, int size, long totalElements, int totalPages) {}
