package org.example.gateway.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

@SpringBootTest(properties = "gateway.limits.synchronization.max-unsynchronized-requests=0")
class SharedBucketsTests {

    @Autowired
    SharedBuckets buckets;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void keepsEachBucketInTheDatabaseUntilItWouldBeFullAgain() {
        var holder = "bucket-test-" + UUID.randomUUID();
        var budget = new LimitProperties.Budget(5, Duration.ofMinutes(1));
        var bucket = buckets.of("address", budget, holder);
        for (int i = 0; i < 5; i++) {
            assertThat(bucket.tryConsume(1)).isTrue();
        }
        assertThat(bucket.tryConsume(1)).isFalse();

        var expiresAt = jdbc.queryForObject(
                "select expires_at from rate_limit_bucket where id = ?", Long.class, "address:5/PT1M:" + holder);
        // empty now, full again in a minute: the row matters until then (plus a margin of 10 s)
        assertThat(expiresAt).isBetween(System.currentTimeMillis() + 50_000, System.currentTimeMillis() + 75_000);
        // another view of the same bucket (as another replica has) finds it spent
        assertThat(buckets.of("address", budget, holder).tryConsume(1)).isFalse();
    }

    @Test
    void removesBucketsThatWouldBeFullAgain() {
        var spent = "expired:" + UUID.randomUUID();
        var live = "live:" + UUID.randomUUID();
        jdbc.update(
                "insert into rate_limit_bucket (id, state, expires_at) values (?, ''::bytea, ?), (?, ''::bytea, ?)",
                spent,
                System.currentTimeMillis() - 1_000,
                live,
                System.currentTimeMillis() + 60_000);

        assertThat(buckets.removeExpired()).isPositive();

        assertThat(jdbc.queryForList("select id from rate_limit_bucket where id in (?, ?)", String.class, spent, live))
                .containsExactly(live);
    }
}
