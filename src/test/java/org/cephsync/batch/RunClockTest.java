package org.cephsync.batch;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** ceph-sync.job-timeout: a run past its deadline is stopped with the reason; the default is 7200 s. */
class RunClockTest {

    @Test
    void aFreshClockLetsTheRunGoOn() {
        RunClock clock = RunClock.startingNow(Duration.ofHours(2));
        assertDoesNotThrow(clock::check);
        assertEquals(Duration.ofHours(2), Duration.between(clock.started(), clock.deadline()));
    }

    @Test
    void aRunPastItsDeadlineIsStoppedWithTheReason() {
        Instant started = Instant.now().minusSeconds(10);
        RunClock clock = new RunClock(started, started.plusSeconds(3), Duration.ofSeconds(3));

        JobTimeoutException e = assertThrows(JobTimeoutException.class, clock::check);

        assertEquals("the run exceeded ceph-sync.job-timeout (PT3S) and was stopped", e.getMessage());
        // the step listener reports our own exceptions' messages as the stage's error
        assertEquals(e.getMessage(), FailureReason.of(new RuntimeException("wrapped", e)));
    }

    @Test
    void aPartitionGetsTheRunsClockNotAFreshOne() {
        Instant started = Instant.now().minusSeconds(10);
        RunClock run = new RunClock(started, started.plusSeconds(3), Duration.ofSeconds(3));

        RunClock partition = RunClock.fromText(run.toText());

        assertEquals(run, partition);
        assertThrows(JobTimeoutException.class, partition::check);
    }

    @Test
    void theTimeoutHoldsUntilTheDeadline() throws InterruptedException {
        RunClock clock = RunClock.startingNow(Duration.ofMillis(300));
        assertDoesNotThrow(clock::check);
        Thread.sleep(400);
        assertThrows(JobTimeoutException.class, clock::check);
    }

    @Test
    void theDefaultIs7200Seconds() throws Exception {
        ConfigProperty declared = SyncJobListener.class.getDeclaredField("jobTimeout").getAnnotation(ConfigProperty.class);
        assertEquals("ceph-sync.job-timeout", declared.name());
        assertEquals(7200, Duration.parse(declared.defaultValue()).toSeconds(), "the listener's default");

        Properties shipped = new Properties();
        try (InputStream in = RunClockTest.class.getResourceAsStream("/META-INF/microprofile-config.properties")) {
            assertTrue(in != null, "the WAR's microprofile-config.properties is on the test classpath");
            shipped.load(in);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        assertEquals(7200, Duration.parse(shipped.getProperty("ceph-sync.job-timeout")).toSeconds(), "the WAR's configuration");
    }
}
