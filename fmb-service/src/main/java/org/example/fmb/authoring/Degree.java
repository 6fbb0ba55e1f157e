package org.example.fmb.authoring;

/** The recommended sick-leave degree of a typical case: full time (heltid) or part time (deltid). */
public enum Degree {
    // the codes of the FMB capture's code system 1.2.752.116.3.1.14 (Sjukskrivningsgrad)
    FULL("1", "heltid"),
    PART("2", "deltid");

    private final String fmbCode;
    private final String fmbText;

    Degree(String fmbCode, String fmbText) {
        this.fmbCode = fmbCode;
        this.fmbText = fmbText;
    }

    public String fmbCode() {
        return fmbCode;
    }

    public String fmbText() {
        return fmbText;
    }

    public static Degree ofFmbText(String text) {
        for (var degree : values()) {
            if (degree.fmbText.equalsIgnoreCase(text)) {
                return degree;
            }
        }
        return null;
    }
}
