package org.example.fmb.authoring;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Clock;
import java.time.Instant;

/** A diagnosis page of FMB, identified by its stable FMB id; its content lives in its versions. */
@Entity
class Diagnosis {

    @Id
    private Long id;

    private Instant createdAt;

    protected Diagnosis() {}

    Diagnosis(long id, Clock clock) {
        this.id = id;
        this.createdAt = clock.instant();
    }

    Long getId() {
        return id;
    }
}
