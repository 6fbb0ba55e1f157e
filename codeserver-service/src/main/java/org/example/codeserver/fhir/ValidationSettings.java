package org.example.codeserver.fhir;

/**
 * How a {@code $validate-code} checks: the display language, whether a wrong display is only a warning, whether only
 * membership is checked, whether inactive codes are refused, and whether a missing system may be inferred.
 */
record ValidationSettings(
        Languages languages, boolean lenientDisplay, boolean membershipOnly, boolean activeOnly, boolean inferSystem) {

    static ValidationSettings of(TerminologyRequest request) {
        return new ValidationSettings(
                Languages.of(request),
                request.flag("lenient-display-validation", false)
                        || "lenient-display-validation".equals(request.string("mode")),
                request.flag("valueset-membership-only", false)
                        || "CHECK_MEMBERSHIP_ONLY".equals(request.string("valueSetMode")),
                request.flag("activeOnly", false),
                request.flag("inferSystem", true));
    }
}
