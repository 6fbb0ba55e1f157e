package org.example.fmb;

import java.util.List;
import java.util.stream.Stream;
import org.example.platform.replica.Replica;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A second replica of the service beside the one {@link IntegrationTestSupport} starts, with the same test clock and
 * settings (see {@link Replica}).
 */
public final class SecondReplica extends Replica {

    private SecondReplica(Replica started) {
        super(started);
    }

    /** Starts it with the first replica's settings; {@code properties} add to them. */
    public static SecondReplica startLike(ConfigurableApplicationContext first, String... properties) {
        var settings = Stream.of(
                "fmb.codes.open-for=0s",
                "fmb.codes.cache-for=0s",
                "fmb.statistics.flush-interval=1h",
                "fmb.content.refresh-interval=1h",
                "fmb.pages.login=form",
                "fmb.codes.codeserver-url=" + first.getEnvironment().getProperty("fmb.codes.codeserver-url"));
        return new SecondReplica(Replica.start(
                List.of(FmbApplication.class, IntegrationTestSupport.TestClockConfiguration.class),
                Stream.concat(settings, Stream.of(properties)).toList()));
    }
}
