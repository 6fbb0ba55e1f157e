package org.example.codeserver;

import org.example.platform.replica.Replica;

/** A second replica of the code server beside the one a {@code @SpringBootTest} starts (see {@link Replica}). */
public final class SecondReplica extends Replica {

    private SecondReplica(Replica started) {
        super(started);
    }

    /** Starts it on a port of its own; {@code properties} add to the service's own. */
    public static SecondReplica start(String... properties) {
        return new SecondReplica(Replica.start(CodeserverApplication.class, properties));
    }
}
