package org.example.deathcertificate.coding;

import java.time.Instant;
import org.example.deathcertificate.certificate.Channel;

/** A certificate waiting to be coded, without personal data. */
public record QueueEntry(
        String certificateId,
        Channel channel,
        String dateOfDeath,
        String municipality,
        String region,
        Instant receivedAt) {}
