package org.example.hosp.audit;

import java.util.EnumSet;
import java.util.Set;
import org.example.hosp.access.RegisterItem;
import org.example.hosp.identity.IdentityNumber;

/** One read of one person's data: whom, how, with what outcome, and which 6 § items were returned. */
public record AuditRecord(IdentityNumber identityNumber, AccessKind kind, String outcome, Set<RegisterItem> items) {

    public static final String FOUND = "FOUND";
    public static final String NOT_FOUND = "NOT_FOUND";
    public static final String PROTECTED_IDENTITY = "PROTECTED_IDENTITY";

    public AuditRecord {
        items = items.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(items));
    }

    /** Two reads of the same person in one answer, as one row with the items of both. */
    public AuditRecord union(AuditRecord other) {
        var all = EnumSet.noneOf(RegisterItem.class);
        all.addAll(items);
        all.addAll(other.items);
        return new AuditRecord(identityNumber, kind, outcome, all);
    }

    /** The items as a PostgreSQL array literal in 6 § order, e.g. {@code {1,3,5}} (declaration order is by number). */
    String itemsLiteral() {
        return itemsLiteral(items);
    }

    /** The items as a PostgreSQL array literal in 6 § order, e.g. {@code {1,3,5}}. */
    public static String itemsLiteral(Set<RegisterItem> items) {
        var builder = new StringBuilder(20).append('{');
        for (var item : RegisterItem.values()) {
            if (items.contains(item)) {
                if (builder.length() > 1) {
                    builder.append(',');
                }
                builder.append(item.number());
            }
        }
        return builder.append('}').toString();
    }
}
