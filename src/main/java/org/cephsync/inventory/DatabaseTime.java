package org.cephsync.inventory;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Timestamps at the precision every supported database keeps (microseconds): a row's times read the same
 * before and after it is read back from the database, e.g. after a server restart.
 */
public final class DatabaseTime {

    private DatabaseTime() {
    }

    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    public static Instant of(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
    }
}
