package org.example.codeserver.browser;

import java.time.LocalDate;
import java.util.List;
import org.example.codeserver.codesystem.CodeSystemSummary;
import org.example.codeserver.codesystem.ConceptDetails;
import org.example.codeserver.codesystem.ConceptSummary;
import org.springframework.lang.Nullable;

/**
 * Everything the concept page shows.
 *
 * @param concept the concept in the newest version that holds it
 * @param current whether that is the current version (false for a code removed since)
 * @param path the ancestors from the top (the chapter) down, without the concept itself
 * @param history every version of the code system, oldest first, with what happened to the code in it
 * @param validity the answer for the date asked for, when one was
 * @param fmb FMB's recommendation for the code, when FMB has one (ICD-10-SE only)
 */
public record ConceptView(
        CodeSystemSummary system,
        ConceptDetails concept,
        boolean current,
        List<ConceptSummary> path,
        List<Release> history,
        @Nullable Validity validity,
        List<MappedCode> maps,
        @Nullable FmbLink fmb) {

    /** FMB's page for the diagnosis that holds the code, and its title. */
    public record FmbLink(String href, String title) {}

    /** What the code was in one version. */
    public record Release(
            @Nullable String version,
            @Nullable LocalDate effectiveDate,
            @Nullable String display,
            Change change) {}

    /** The change from the version before. */
    public enum Change {
        PRESENT("Finns"),
        ADDED("Tillkom"),
        RENAMED("Ny text"),
        UNCHANGED("Oförändrad"),
        REMOVED("Borttagen"),
        ABSENT("Finns inte");

        private final String label;

        Change(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        public boolean held() {
            return this == PRESENT || this == ADDED || this == RENAMED || this == UNCHANGED;
        }
    }

    /**
     * Whether the code was valid on a date: held by the version in force that day (the newest with an effective date
     * on or before it).
     *
     * @param version the version in force; {@code null} when none was yet
     * @param from the effective date of the first version of the unbroken run holding the code
     * @param until the effective date of the first later version without it (exclusive); {@code null} if none
     */
    public record Validity(
            LocalDate date,
            @Nullable String version,
            boolean valid,
            @Nullable LocalDate from,
            @Nullable LocalDate until) {}

    /** A code of another code system that maps to this one. */
    public record MappedCode(
            String slug,
            String systemTitle,
            String code,
            @Nullable String display,
            String relation) {}
}
