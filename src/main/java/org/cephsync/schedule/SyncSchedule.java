package org.cephsync.schedule;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.cephsync.batch.ServerName;
import org.cephsync.batch.SyncJobs;
import org.cephsync.metrics.SyncMetrics;
import org.cephsync.resource.CephResource;
import org.cephsync.store.CephPluginSettings;
import org.cephsync.store.ScheduleClaims;
import org.cephsync.store.Settings;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Scheduled full syncs, driven by the settings field {@code sync_interval_minutes} (empty = off). It reads the
 * setting at startup and follows every change of it (the settings fire an event after their transaction
 * commits), so a change takes effect without a restart; it also reads the setting again every minute, for the
 * changes made through another server that shares the database. Ticks run on the server's managed scheduled
 * executor; with several servers, each ticks and the database gives each interval's tick to one of them.
 */
@ApplicationScoped
public class SyncSchedule {

    private static final Logger LOG = Logger.getLogger(SyncSchedule.class.getName());

    @Resource
    ManagedScheduledExecutorService executor;

    @Inject
    Settings settings;

    @Inject
    SyncJobs jobs;

    @Inject
    ScheduleClaims claims;

    @Inject
    ServerName server;

    @Inject
    SyncMetrics metrics;

    /** How many seconds one minute of the setting lasts: 60, except in tests and demos. */
    @Inject
    @ConfigProperty(name = "ceph-sync.schedule.seconds-per-minute", defaultValue = "60")
    double secondsPerMinute;

    private ScheduleLoop loop;
    private ScheduledFuture<?> refresher;

    void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        try {
            loop().apply(settings.current().getSyncIntervalMinutes());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "ceph-sync schedule: could not read sync_interval_minutes at startup; "
                    + "no schedule until the setting is changed", e);
        }
        // a change made through another server sharing the database reaches this one within a minute
        long minuteMillis = minute().toMillis();
        refresher = executor.scheduleWithFixedDelay(this::refresh, minuteMillis, minuteMillis, TimeUnit.MILLISECONDS);
    }

    private void refresh() {
        try {
            loop().apply(settings.current().getSyncIntervalMinutes());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "ceph-sync schedule: could not read sync_interval_minutes; the schedule stays as it was", e);
        }
    }

    void settingsChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) CephPluginSettings changed) {
        loop().apply(changed.getSyncIntervalMinutes());
    }

    /** The interval in force, in minutes; empty when there is no schedule. */
    public Optional<Integer> minutes() {
        return Optional.ofNullable(loop().minutes());
    }

    @PreDestroy
    void stop() {
        if (refresher != null) {
            refresher.cancel(false);
        }
        if (loop != null) {
            loop.cancel();
        }
    }

    private synchronized ScheduleLoop loop() {
        if (loop == null) {
            loop = new ScheduleLoop(executor, new BatchRuns(jobs, claims, server), metrics::scheduleTick, minute());
        }
        return loop;
    }

    private Duration minute() {
        return Duration.ofMillis(Math.max(1, Math.round(secondsPerMinute * 1000)));
    }

    /** Runs through the batch runtime; ticks claimed in the database. */
    record BatchRuns(SyncJobs jobs, ScheduleClaims claims, ServerName server) implements ScheduleLoop.Runs {
        @Override
        public Optional<Long> running() {
            return jobs.running();
        }

        @Override
        public boolean claimTick(Duration interval) {
            return claims.claim(Instant.now(), interval, server.get());
        }

        @Override
        public long startFull() {
            return jobs.start(EnumSet.allOf(CephResource.class), List.of());
        }
    }
}
