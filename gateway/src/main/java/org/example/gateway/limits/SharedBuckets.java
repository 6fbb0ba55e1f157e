package org.example.gateway.limits;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.optimization.DelayParameters;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The rate-limit buckets in the gateway's database (Bucket4j's PostgreSQL backend, a row per bucket locked with
 * {@code select ... for update}), so every replica spends from the same budget. Each replica keeps a local view of
 * a bucket and brings it in line with the database only every few requests or milliseconds (Bucket4j's delaying
 * optimization, {@link LimitProperties.Synchronization}), which keeps the database off the path of most requests at
 * the cost of a bounded overshoot.
 */
@Component
class SharedBuckets {

    private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;
    private final LimitProperties.Synchronization synchronization;

    SharedBuckets(DataSource dataSource, LimitProperties limits) {
        this.synchronization = limits.synchronization();
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("rate_limit_bucket")
                .idColumn("id")
                .stateColumn("state")
                .expiresAtColumn("expires_at")
                .expirationAfterWrite(
                        ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)))
                .build();
    }

    /**
     * The bucket of one budget's holder: the budget is part of the key, so a changed budget starts a new bucket
     * rather than reading one made for another.
     */
    Bucket of(String kind, LimitProperties.Budget budget, String holder) {
        var configuration = BucketConfiguration.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(budget.capacity())
                        .refillGreedy(budget.capacity(), budget.period())
                        .build())
                .build();
        var key = kind + ":" + budget.capacity() + "/" + budget.period() + ":" + holder;
        var builder = buckets.builder();
        if (synchronization.maxUnsynchronizedRequests() > 0) {
            builder = builder.withOptimization(Optimizations.delaying(new DelayParameters(
                    synchronization.maxUnsynchronizedRequests(), synchronization.maxUnsynchronizedTime())));
        }
        return builder.build(key, () -> configuration);
    }

    /** Rows of buckets that would be full again by now say nothing; any replica may remove them. */
    @Scheduled(fixedDelay = 1, initialDelay = 1, timeUnit = TimeUnit.MINUTES)
    int removeExpired() {
        var removed = 0;
        int batch;
        do {
            batch = buckets.removeExpired(1000);
            removed += batch;
        } while (batch == 1000);
        return removed;
    }
}
