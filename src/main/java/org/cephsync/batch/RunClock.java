package org.cephsync.batch;

import java.time.Duration;
import java.time.Instant;

/** When this execution started and when it must give up ({@code ceph-sync.job-timeout}). */
record RunClock(Instant started, Instant deadline, Duration timeout) {

    static RunClock startingNow(Duration timeout) {
        Instant now = Instant.now();
        return new RunClock(now, now.plus(timeout), timeout);
    }

    void check() {
        if (Instant.now().isAfter(deadline)) {
            throw new JobTimeoutException("the run exceeded ceph-sync.job-timeout (" + timeout + ") and was stopped");
        }
    }
}
