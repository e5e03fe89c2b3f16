package org.cephsync.schedule;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.cephsync.batch.RunConflictException;

/**
 * The schedule itself, free of the container: {@link #apply(Integer)} sets the interval (null = off) and
 * re-arms the timer when it changed; each tick starts a full sync unless a ceph-sync run is still running,
 * in which case the tick is skipped, logged and counted, or another server sharing the database claimed
 * this interval's tick.
 */
final class ScheduleLoop {

    private static final Logger LOG = Logger.getLogger(ScheduleLoop.class.getName());

    /** What the schedule needs from the rest of the application. */
    interface Runs {
        /** @return the id of a ceph-sync execution that is still running, if any */
        Optional<Long> running();

        /** @return whether this tick is the interval's one (servers sharing the database tick each) */
        boolean claimTick(Duration interval);

        /**
         * Starts a full sync; @return the new execution's id
         *
         * @throws RunConflictException when another run got there first
         */
        long startFull();
    }

    /** Where the outcome of each tick is reported (metrics). */
    interface Ticks {
        void tick(String result);
    }

    static final String STARTED = "started";
    static final String SKIPPED = "skipped";
    static final String FAILED = "failed";
    /** Another server that shares the database claimed the tick. */
    static final String ELSEWHERE = "elsewhere";

    private final ScheduledExecutorService executor;
    private final Runs runs;
    private final Ticks ticks;
    private final Duration minute;

    private Integer minutes;
    private boolean applied;
    private ScheduledFuture<?> timer;

    /** @param minute how long one "minute" of the setting lasts (a minute, except in tests) */
    ScheduleLoop(ScheduledExecutorService executor, Runs runs, Ticks ticks, Duration minute) {
        this.executor = executor;
        this.runs = runs;
        this.ticks = ticks;
        this.minute = minute;
    }

    /** Sets the interval in minutes (null or less than 1: no schedule); the timer changes only if the interval did. */
    synchronized void apply(Integer newMinutes) {
        Integer wanted = newMinutes == null || newMinutes < 1 ? null : newMinutes;
        if (applied && Objects.equals(wanted, minutes) && (wanted == null || timer != null)) {
            return;
        }
        applied = true;
        cancel();
        minutes = wanted;
        if (wanted == null) {
            LOG.info("ceph-sync schedule: off (sync_interval_minutes is empty)");
            return;
        }
        long periodMillis = minute.toMillis() * wanted;
        timer = executor.scheduleAtFixedRate(this::tick, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
        LOG.info(() -> "ceph-sync schedule: a full sync every " + wanted + " minute(s)"
                + (minute.equals(Duration.ofMinutes(1)) ? "" : " (a minute lasting " + minute.toMillis() + " ms)")
                + ", first in " + wanted + " minute(s)");
    }

    synchronized Integer minutes() {
        return minutes;
    }

    synchronized void cancel() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }

    /** One tick; never throws (an exception would end a fixed-rate schedule). */
    void tick() {
        try {
            Duration interval;
            synchronized (this) {
                interval = minutes == null ? null : minute.multipliedBy(minutes);
            }
            if (interval == null || !runs.claimTick(interval)) {
                LOG.fine("ceph-sync schedule: tick left to another server (it claimed this interval's tick)");
                ticks.tick(ELSEWHERE);
                return;
            }
            Optional<Long> running = runs.running();
            if (running.isPresent()) {
                LOG.warning(() -> "ceph-sync schedule: tick skipped, execution " + running.get()
                        + " of ceph-sync is still running (a scheduled sync never overlaps another run)");
                ticks.tick(SKIPPED);
                return;
            }
            long id = runs.startFull();
            LOG.info(() -> "ceph-sync schedule: started full sync, job " + id);
            ticks.tick(STARTED);
        } catch (RunConflictException e) {
            LOG.warning(() -> "ceph-sync schedule: tick skipped, " + e.getMessage());
            ticks.tick(SKIPPED);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "ceph-sync schedule: could not start the scheduled sync", e);
            ticks.tick(FAILED);
        }
    }
}
