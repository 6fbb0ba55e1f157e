package org.example.fmb.statistics;

import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
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

    @Scheduled(fixedDelayString = "${fmb.statistics.flush-interval:5s}")
    public synchronized void flush() {
        if (pending.isEmpty()) {
            return;
        }
        var batch = new HashMap<LookupStatisticsRepository.LookupKey, Long>();
        for (var key : pending.keySet()) {
            var adder = pending.remove(key);
            if (adder != null && adder.sum() > 0) {
                batch.put(key, adder.sum());
            }
        }
        try {
            repository.add(batch);
        } catch (RuntimeException e) {
            log.warn("Could not write {} lookup counts; they are kept for the next attempt", batch.size());
            batch.forEach((key, value) ->
                    pending.computeIfAbsent(key, k -> new LongAdder()).add(value));
        }
    }

    /** The last write when the service stops. */
    @PreDestroy
    void flushOnShutdown() {
        flush();
    }

    public LookupStatistics lookups(LocalDate from, LocalDate to, Long diagnosisId) {
        flush();
        var days = repository.find(from, to, diagnosisId);
        return new LookupStatistics(
                from, to, days.stream().mapToLong(DailyLookups::lookups).sum(), days);
    }
}
