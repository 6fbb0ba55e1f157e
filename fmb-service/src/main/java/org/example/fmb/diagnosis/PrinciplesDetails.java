package org.example.fmb.diagnosis;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.example.fmb.content.PublishedPrinciples;

/** The general principles for sick leave as published now. */
public record PrinciplesDetails(int version, String title, String markup, LocalDate validFrom, OffsetDateTime lastUpdated) {

    static PrinciplesDetails of(PublishedPrinciples p) {
        return new PrinciplesDetails(p.versionNumber(), p.title(), p.markup(), p.validFrom(), p.lastUpdated());
    }
}
