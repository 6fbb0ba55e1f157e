package org.example.deathcertificate.coding;

import java.util.List;

/** One page of the coding queue, oldest first, and how many are waiting in all under the filter. */
public record QueuePage(long total, int offset, List<QueueEntry> entries) {}
