package org.example.hosp.register;

import java.util.Arrays;
import org.example.hosp.access.RegisterItem;

/** Restriction codes (behörighetsbegränsning, OID 1.2.752.116.3.1.5) and the 6 § item each belongs to. */
public enum RestrictionCode {
    REVOKED_LICENCE("001", "Återkallad legitimation", RegisterItem.TRIAL_PERIOD_AND_REVOCATION),
    TRIAL_PERIOD("002", "Prövotid", RegisterItem.TRIAL_PERIOD_AND_REVOCATION),
    LIMITED_PRESCRIBING("003", "Begränsad förskrivningsrätt", RegisterItem.PRESCRIBING);

    private final String code;
    private final String title;
    private final RegisterItem item;

    RestrictionCode(String code, String title, RegisterItem item) {
        this.code = code;
        this.title = title;
        this.item = item;
    }

    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    public RegisterItem item() {
        return item;
    }

    public static RestrictionCode of(String code) {
        return Arrays.stream(values())
                .filter(value -> value.code.equals(code))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown restriction code"));
    }
}
