package org.cephsync.health;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.cephsync.source.CephSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Part of {@code /health/ready}: the configured source answers its endpoint list (proxbox-api:
 * {@code /proxmox/endpoints}; snapshot: {@code endpoints.json} is readable).
 *
 * <p>The list is asked for in the background every {@code ceph-sync.health.source-check-seconds} (default 15),
 * on the application's own managed executor, and the probe answers with the latest outcome at once: a probe
 * never waits on a slow source (the server calls health checks outside the application's context, where the
 * application's executors and beans are not meant to be driven from). A check still waiting after
 * {@code ceph-sync.health.source-timeout-seconds} (default 10), or an outcome older than three periods, is DOWN.
 */
@Readiness
@ApplicationScoped
public class SourceReadyCheck implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(SourceReadyCheck.class.getName());

    @Inject
    Instance<CephSource> source;

    @Resource
    ManagedScheduledExecutorService executor;

    @Inject
    @ConfigProperty(name = "ceph-sync.health.source-check-seconds", defaultValue = "15")
    long periodSeconds;

    @Inject
    @ConfigProperty(name = "ceph-sync.health.source-timeout-seconds", defaultValue = "10")
    long timeoutSeconds;

    /** The latest outcome; null until the first check ended. */
    private record Outcome(boolean up, String kind, Integer endpoints, String error, Instant at) {
    }

    private volatile Outcome last;
    private volatile Instant checking;
    private ScheduledFuture<?> task;

    void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        task = executor.scheduleWithFixedDelay(this::refresh, 0, Math.max(1, periodSeconds), TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(true);
        }
    }

    void refresh() {
        checking = Instant.now();
        String kind = "unknown";
        Outcome before = last;
        try {
            CephSource current = source.get();
            kind = kind(current);
            int n = current.endpoints().size();
            last = new Outcome(true, kind, n, null, Instant.now());
            if (before != null && !before.up()) {
                LOG.info("ceph-sync readiness: the source answers its endpoint list again");
            }
        } catch (RuntimeException e) {
            String error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            last = new Outcome(false, kind, null, error, Instant.now());
            if (before == null || before.up() || !error.equals(before.error())) {
                LOG.warning(() -> "ceph-sync readiness: DOWN, the source does not answer its endpoint list: " + error);
            }
        } finally {
            checking = null;
        }
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder check = HealthCheckResponse.named("source");
        Outcome outcome = last;
        Instant inFlight = checking;
        if (inFlight != null && Duration.between(inFlight, Instant.now()).toSeconds() >= timeoutSeconds) {
            return check.down().withData("error", "the endpoint list has not answered for "
                    + Duration.between(inFlight, Instant.now()).toSeconds() + " s").build();
        }
        if (outcome == null) {
            return check.down().withData("error", "not checked yet").build();
        }
        long age = Duration.between(outcome.at(), Instant.now()).toSeconds();
        check.withData("source", outcome.kind()).withData("checked_seconds_ago", age);
        if (age > 3 * Math.max(1, periodSeconds) + timeoutSeconds) {
            return check.down().withData("error", "the last check is " + age + " s old").build();
        }
        if (!outcome.up()) {
            // anyone may ask: the reason (hosts, status codes) is in the server log, not here
            return check.down().withData("error", "the source does not answer its endpoint list; the server log says why").build();
        }
        return check.up().withData("endpoints", outcome.endpoints()).build();
    }

    /** "proxbox" or "snapshot", from the source's class (its describe() may carry a URL). */
    static String kind(CephSource source) {
        String name = source.getClass().getSimpleName();
        int proxy = name.indexOf('$');
        if (proxy > 0) {
            name = name.substring(0, proxy);
        }
        return name.replaceFirst("Source$", "").toLowerCase(Locale.ROOT);
    }
}
