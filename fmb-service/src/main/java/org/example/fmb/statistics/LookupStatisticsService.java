package org.example.fmb.statistics;

import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Counts lookups in memory and writes them in one batch every few seconds, so counting costs a read
 * nothing but an increment. What is still counted when the service stops is written before the database
 * connections close (the web server has finished its requests by then); only a process that is killed
 * loses its last interval.
 */
@Service
public class LookupStatisticsService {

    private static final Logger log = LoggerFactory.getLogger(LookupStatisticsService.class);

    private final LookupStatisticsRepository repository;
    private final Clock clock;
    private final ConcurrentHashMap<LookupStatisticsRepository.LookupKey, LongAdder> pending =
            new ConcurrentHashMap<>();
    private final ConcurrentHashMap<LookupStatisticsRepository.ReadKey, LongAdder> pendingReads =
            new ConcurrentHashMap<>();
    private final ConcurrentHashMap<LookupStatisticsRepository.CheckKey, LongAdder> pendingChecks =
            new ConcurrentHashMap<>();

    LookupStatisticsService(LookupStatisticsRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    public void count(long diagnosisId) {
        pending.computeIfAbsent(
                        new LookupStatisticsRepository.LookupKey(diagnosisId, LocalDate.now(clock)),
                        key -> new LongAdder())
                .increment();
    }

    /** A read of a Webcert collection by a client (the token's client, or "anonymous" without one). */
    public void countCollectionRead(String client, String collection) {
        pendingReads
                .computeIfAbsent(
                        new LookupStatisticsRepository.ReadKey(client, collection, LocalDate.now(clock)),
                        key -> new LongAdder())
                .increment();
    }

    /** A sick-leave check of a code and its outcome. */
    public void countCheck(String icd10Code, CheckOutcome outcome) {
        pendingChecks
                .computeIfAbsent(
                        new LookupStatisticsRepository.CheckKey(icd10Code, outcome, LocalDate.now(clock)),
                        key -> new LongAdder())
                .increment();
    }

    /** On every replica: each flushes its own counts, added to the stored ones, so none is counted twice or lost. */
    @Scheduled(fixedDelayString = "${fmb.statistics.flush-interval:5s}")
    public synchronized void flush() {
        write(pending, repository::add, "lookup");
        write(pendingReads, repository::addReads, "collection read");
        write(pendingChecks, repository::addChecks, "sick-leave check");
    }

    private <K> void write(
            ConcurrentHashMap<K, LongAdder> counts, java.util.function.Consumer<Map<K, Long>> writer, String what) {
        if (counts.isEmpty()) {
            return;
        }
        var batch = new HashMap<K, Long>();
        for (var key : counts.keySet()) {
            var adder = counts.remove(key);
            if (adder != null && adder.sum() > 0) {
                batch.put(key, adder.sum());
            }
        }
        try {
            writer.accept(batch);
        } catch (RuntimeException e) {
            log.warn("Could not write {} {} counts; they are kept for the next attempt", batch.size(), what);
            batch.forEach((key, value) ->
                    counts.computeIfAbsent(key, k -> new LongAdder()).add(value));
        }
    }

    /** The last write when the service stops. */
    @PreDestroy
    void flushOnShutdown() {
        flush();
    }

    public List<DailyCollectionReads> collectionReads(LocalDate from, LocalDate to) {
        flush();
        return repository.findReads(from, to);
    }

    public List<DailyChecks> checks(LocalDate from, LocalDate to) {
        flush();
        return repository.findChecks(from, to);
    }

    public LookupStatistics lookups(LocalDate from, LocalDate to, Long diagnosisId) {
        flush();
        var days = repository.find(from, to, diagnosisId);
        return new LookupStatistics(
                from, to, days.stream().mapToLong(DailyLookups::lookups).sum(), days);
    }
}
