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
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.cephsync.batch.SyncJobs;
import org.cephsync.metrics.SyncMetrics;
import org.cephsync.resource.CephResource;
import org.cephsync.store.CephPluginSettings;
import org.cephsync.store.Settings;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Scheduled full syncs, driven by the settings field {@code sync_interval_minutes} (empty = off). It reads the
 * setting at startup and follows every change of it (the settings fire an event after their transaction
 * commits), so a change takes effect without a restart. Ticks run on the server's managed scheduled executor.
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
    SyncMetrics metrics;

    /** How many seconds one minute of the setting lasts: 60, except in tests and demos. */
    @Inject
    @ConfigProperty(name = "ceph-sync.schedule.seconds-per-minute", defaultValue = "60")
    double secondsPerMinute;

    private ScheduleLoop loop;

    void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        try {
            loop().apply(settings.current().getSyncIntervalMinutes());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "ceph-sync schedule: could not read sync_interval_minutes at startup; "
                    + "no schedule until the setting is changed", e);
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
        if (loop != null) {
            loop.cancel();
        }
    }

    private synchronized ScheduleLoop loop() {
        if (loop == null) {
            Duration minute = Duration.ofMillis(Math.max(1, Math.round(secondsPerMinute * 1000)));
            loop = new ScheduleLoop(executor, new BatchRuns(jobs), metrics::scheduleTick, minute);
        }
        return loop;
    }

    /** Runs through the batch runtime. */
    record BatchRuns(SyncJobs jobs) implements ScheduleLoop.Runs {
        @Override
        public Optional<Long> running() {
            return jobs.running();
        }

        @Override
        public long startFull() {
            return jobs.start(EnumSet.allOf(CephResource.class), List.of());
        }
    }
}
