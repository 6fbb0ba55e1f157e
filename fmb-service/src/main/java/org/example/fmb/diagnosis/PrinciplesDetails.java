package org.example.fmb.diagnosis;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.example.fmb.authoring.MarkupPolicy;
import org.example.fmb.authoring.PublishedPrinciples;

/** The general principles for sick leave as published now. */
public record PrinciplesDetails(
        int version, String title, String markup, LocalDate validFrom, OffsetDateTime lastUpdated) {

    static PrinciplesDetails of(PublishedPrinciples p) {
        return new PrinciplesDetails(p.versionNumber(), p.title(), p.markup(), p.validFrom(), p.lastUpdated());
    }

    /** The same with its markup cleaned again by {@link MarkupPolicy}, for rendering as HTML. */
    PrinciplesDetails withCleanMarkup() {
        return new PrinciplesDetails(version, title, MarkupPolicy.sanitize(markup), validFrom, lastUpdated);
    }
}
