package org.cephsync.security;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password (and token) guessing down: after {@value #PER_USER} failed checks for one user name, or {@value #PER_ADDRESS}
 * from one client address, within a minute of the first, further checks for that name or from that address are
 * refused until the minute is over. A caller whose password was verified a moment ago is not checked again (see
 * {@link ConfigIdentityStore#remembered}), so the real user keeps working while someone guesses at the name.
 */
@ApplicationScoped
public class LoginThrottle {

    static final int PER_USER = 5;
    static final int PER_ADDRESS = 20;
    static final Duration WINDOW = Duration.ofMinutes(1);
    /** Names and addresses tracked at most; beyond, the record starts again (an attacker inventing names gets no more). */
    private static final int MAX_TRACKED = 10_000;

    private record Failures(long since, int count) {
        boolean over(long now) {
            return now - since >= WINDOW.toMillis();
        }
    }

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    /** Seconds before a password may be checked for this user from this address; 0: now. */
    long secondsToWait(String user, String address) {
        long now = System.currentTimeMillis();
        return Math.max(secondsToWait("user " + user, PER_USER, now), secondsToWait("address " + address, PER_ADDRESS, now));
    }

    /** Seconds before a token may be tried from this address (a wrong token names no user); 0: now. */
    long secondsToWait(String address) {
        return secondsToWait("address " + address, PER_ADDRESS, System.currentTimeMillis());
    }

    void failed(String address) {
        long now = System.currentTimeMillis();
        if (failures.size() > MAX_TRACKED) {
            failures.clear();
        }
        count("address " + address, now);
    }

    void failed(String user, String address) {
        long now = System.currentTimeMillis();
        if (failures.size() > MAX_TRACKED) {
            failures.clear();
        }
        count("user " + user, now);
        count("address " + address, now);
    }

    private long secondsToWait(String key, int limit, long now) {
        Failures f = failures.get(key);
        if (f == null || f.over(now)) {
            return 0;
        }
        return f.count() < limit ? 0 : Math.max(1, (f.since() + WINDOW.toMillis() - now + 999) / 1000);
    }

    private void count(String key, long now) {
        failures.compute(key, (k, f) -> f == null || f.over(now) ? new Failures(now, 1) : new Failures(f.since(), f.count() + 1));
    }
}
