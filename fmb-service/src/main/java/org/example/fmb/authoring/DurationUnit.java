package org.example.fmb.authoring;

/** The unit of a recommended maximum sick-leave duration, with FMB's code and Webcert's day count. */
public enum DurationUnit {
    DAYS("d", 1),
    WEEKS("wk", 7),
    MONTHS("mo", 31);

    private final String fmbCode;
    private final int days;

    DurationUnit(String fmbCode, int days) {
        this.fmbCode = fmbCode;
        this.days = days;
    }

    @com.fasterxml.jackson.annotation.JsonValue
    public String fmbCode() {
        return fmbCode;
    }

    public int days() {
        return days;
    }

    @com.fasterxml.jackson.annotation.JsonCreator
    public static DurationUnit ofFmbCode(String code) {
        for (var unit : values()) {
            if (unit.fmbCode.equals(code)) {
                return unit;
            }
        }
        return null;
    }
}
