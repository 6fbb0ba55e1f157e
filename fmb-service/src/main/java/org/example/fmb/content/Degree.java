package org.example.fmb.content;

/** The recommended sick-leave degree of a typical case: full time (heltid) or part time (deltid). */
public enum Degree {
    // the FMB sources hold only the code of heltid ("1"); deltid is sent with its text and no code
    FULL("1", "heltid"), PART(null, "deltid");

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
