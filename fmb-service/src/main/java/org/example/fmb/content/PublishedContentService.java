package org.example.fmb.content;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.example.fmb.authoring.PublishedVersions;
import org.example.fmb.authoring.VersionsChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Serves the published content from memory. The picture is rebuilt when the content changes (any workflow step: here
 * after the commit, on another replica as soon as its commit is notified, see {@link PublishedContentNotifications},
 * and checked on a timer as the fallback) and when the day changes, so a version published for a future date becomes
 * the served one on that day by itself. Every replica does this on its own: it changes nothing in the database.
 */
@Service
public class PublishedContentService {

    private static final Logger log = LoggerFactory.getLogger(PublishedContentService.class);

    private final PublishedVersions versions;
    private final ContentImport contentImport;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final List<Consumer<PublishedContent>> listeners = new CopyOnWriteArrayList<>();
    private volatile PublishedContent current;

    PublishedContentService(
            PublishedVersions versions, ContentImport contentImport, TransactionTemplate transactions, Clock clock) {
        this.versions = versions;
        this.contentImport = contentImport;
        this.transactions = transactions;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        contentImport.importReferenceContent();
        refresh();
    }

    /** What is served now. */
    public PublishedContent current() {
        var snapshot = current;
        if (snapshot == null || !snapshot.day().equals(LocalDate.now(clock))) {
            return refresh();
        }
        return snapshot;
    }

    /** Called with each new picture (e.g. to rebuild caches derived from it). */
    public void onChange(Consumer<PublishedContent> listener) {
        listeners.add(listener);
    }

    /** Per replica (a read model): the revision or the day changed since the picture was built. */
    @Scheduled(
            fixedDelayString = "${fmb.content.refresh-interval:30s}",
            initialDelayString = "${fmb.content.refresh-interval:30s}")
    void refreshIfChanged() {
        var snapshot = current;
        if (snapshot == null) {
            return;
        }
        var today = LocalDate.now(clock);
        if (!today.equals(snapshot.day()) || versions.revision() != snapshot.revision()) {
            refresh();
        }
    }

    @TransactionalEventListener(fallbackExecution = true)
    void onVersionsChanged(VersionsChanged change) {
        refresh();
    }

    /** Rebuilds the picture from the database. */
    public synchronized PublishedContent refresh() {
        var today = LocalDate.now(clock);
        var snapshot = transactions.execute(status -> {
            var revision = versions.revision();
            var served = versions.diagnosesServedOn(today);
            var principlesNow = versions.principlesServedOn(today).orElse(null);
            return new PublishedContent(revision, today, clock.instant(), served, principlesNow);
        });
        current = snapshot;
        log.debug(
                "Published content rebuilt: {} diagnoses at revision {}",
                snapshot.diagnoses().size(),
                snapshot.revision());
        listeners.forEach(listener -> listener.accept(snapshot));
        return snapshot;
    }
}
