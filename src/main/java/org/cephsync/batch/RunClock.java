package org.cephsync.batch;

import java.time.Duration;
import java.time.Instant;

/** When this execution started and when it must give up ({@code ceph-sync.job-timeout}). */
record RunClock(Instant started, Instant deadline, Duration timeout) {

    static RunClock startingNow(Duration timeout) {
        Instant now = Instant.now();
        return new RunClock(now, now.plus(timeout), timeout);
    }

    /** The clock as a partition's property carries it to the partition's own job context. */
    String toText() {
        return started + " " + deadline + " " + timeout;
    }

    static RunClock fromText(String text) {
        String[] parts = text.trim().split(" ");
        return new RunClock(Instant.parse(parts[0]), Instant.parse(parts[1]), Duration.parse(parts[2]));
    }

    void check() {
        if (Instant.now().isAfter(deadline)) {
            throw new JobTimeoutException("the run exceeded ceph-sync.job-timeout (" + timeout + ") and was stopped");
        }
    }
}
