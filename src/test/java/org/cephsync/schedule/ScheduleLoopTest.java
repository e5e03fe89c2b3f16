package org.cephsync.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The schedule's rules with a "minute" of 40 ms. */
class ScheduleLoopTest {

    private static final Duration MINUTE = Duration.ofMillis(40);

    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean claimedElsewhere = new AtomicBoolean();
    private final AtomicInteger started = new AtomicInteger();
    private final List<String> ticks = new CopyOnWriteArrayList<>();
    private final ScheduleLoop.Runs runs = new ScheduleLoop.Runs() {
        @Override
        public Optional<Long> running() {
            return running.get() ? Optional.of(42L) : Optional.empty();
        }

        @Override
        public boolean claimTick(Duration interval) {
            return !claimedElsewhere.get();
        }

        @Override
        public long startFull() {
            return started.incrementAndGet();
        }
    };
    private final ScheduleLoop loop = new ScheduleLoop(executor, runs, ticks::add, MINUTE);

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    @Test
    void startsAFullSyncEveryIntervalAndStopsWhenTheSettingIsEmptied() throws Exception {
        loop.apply(2);
        Thread.sleep(MINUTE.toMillis() * 2 * 3 + 40);
        int n = started.get();
        assertTrue(n >= 2 && n <= 4, "about three ticks in three intervals: " + n);
        assertTrue(ticks.stream().allMatch(ScheduleLoop.STARTED::equals), ticks::toString);

        loop.apply(null);
        assertNull(loop.minutes());
        int after = started.get();
        Thread.sleep(MINUTE.toMillis() * 6);
        assertEquals(after, started.get(), "no schedule, no sync");
    }

    @Test
    void aTickMeetingARunningRunIsSkippedAndCounted() throws Exception {
        running.set(true);
        loop.apply(1);
        Thread.sleep(MINUTE.toMillis() * 4);
        assertEquals(0, started.get(), "never a second run while one is running");
        assertTrue(ticks.size() >= 2 && ticks.stream().allMatch(ScheduleLoop.SKIPPED::equals), ticks::toString);

        running.set(false);
        Thread.sleep(MINUTE.toMillis() * 3);
        assertTrue(started.get() >= 1, "once the run ended, ticks start syncs again");
        loop.cancel();
    }

    @Test
    void aTickAnotherServerClaimedStartsNothing() throws Exception {
        claimedElsewhere.set(true);
        loop.apply(1);
        Thread.sleep(MINUTE.toMillis() * 4);
        assertEquals(0, started.get(), "the server that claimed the tick starts the run");
        assertTrue(ticks.size() >= 2 && ticks.stream().allMatch(ScheduleLoop.ELSEWHERE::equals), ticks::toString);
        loop.cancel();
    }

    @Test
    void aFailingStartIsCountedAndTheScheduleGoesOn() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        ScheduleLoop failing = new ScheduleLoop(executor, new ScheduleLoop.Runs() {
            @Override
            public Optional<Long> running() {
                return Optional.empty();
            }

            @Override
            public boolean claimTick(Duration interval) {
                return true;
            }

            @Override
            public long startFull() {
                calls.incrementAndGet();
                throw new IllegalStateException("the batch runtime said no");
            }
        }, ticks::add, MINUTE);
        failing.apply(1);
        Thread.sleep(MINUTE.toMillis() * 4);
        assertTrue(calls.get() >= 2, "the schedule survives a failed tick: " + calls.get());
        assertTrue(ticks.stream().allMatch(ScheduleLoop.FAILED::equals), ticks::toString);
        failing.cancel();
    }

    @Test
    void aChangedIntervalReplacesTheTimerAndAnUnchangedOneKeepsIt() throws Exception {
        loop.apply(50);
        assertEquals(50, loop.minutes());
        loop.apply(50);
        loop.apply(1);
        assertEquals(1, loop.minutes());
        Thread.sleep(MINUTE.toMillis() * 3);
        assertTrue(started.get() >= 1, "the new, shorter interval is in force at once");
        loop.apply(0);
        assertNull(loop.minutes(), "0 means off, like empty");
    }
}
