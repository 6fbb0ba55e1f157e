package org.example.hosp.audit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * An audit insert written as the {@code with} clause of the statement that reads what it audits, so that the read
 * and its audit row are one SQL statement: they commit together or not at all, in one round trip. The parameters are
 * the clause's positional ones, in order, all of them text (or null); the read's own parameters follow them.
 */
public record AuditInsert(String withClause, List<String> parameters) {

    /** No audit row (the benchmark profile's comparison without the audit write). */
    static final AuditInsert NONE = new AuditInsert("", List.of());

    public AuditInsert {
        parameters = Collections.unmodifiableList(new ArrayList<>(parameters)); // a missing organisation is null
    }
}
