package org.cephsync.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.cephsync.inventory.DatabaseTime;

/**
 * Which server starts a scheduled run. Every server that shares the database keeps the schedule's timer;
 * at each tick it claims the tick in the table {@code schedule_claim} (one row), and the claim succeeds only
 * if no tick was claimed in the last nine tenths of an interval. So the server that claimed a tick keeps
 * claiming them, one per interval (its timer's ticks are an interval apart), the others let them pass, and
 * one of them takes over within an interval when that server stops; with one server every tick wins.
 */
@ApplicationScoped
@TransactionBoundary
public class ScheduleClaims {

    @PersistenceContext
    EntityManager em;

    /** @return whether this server's tick at {@code now} is the interval's tick, recorded as such if so */
    public boolean claim(Instant now, Duration interval, String server) {
        Timestamp at = Timestamp.from(DatabaseTime.of(now));
        Timestamp lastAllowed = Timestamp.from(DatabaseTime.of(now.minus(interval.multipliedBy(9).dividedBy(10))));
        int claimed = em.createNativeQuery("UPDATE schedule_claim SET claimed_at = ?1, claimed_by = ?2"
                        + " WHERE id = 1 AND (claimed_at IS NULL OR claimed_at <= ?3)")
                .setParameter(1, at)
                .setParameter(2, server)
                .setParameter(3, lastAllowed)
                .executeUpdate();
        return claimed == 1;
    }
}
