package org.cephsync.metrics;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.batch.operations.NoSuchJobExecutionException;
import jakarta.batch.runtime.BatchStatus;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.cephsync.batch.ExecutionStarted;
import org.cephsync.batch.SyncJobs;

/**
 * Feeds {@code ceph_sync_runs_total{outcome}}: each execution that begins in this process is watched, and
 * counted once, by its batch status, when a look every few seconds finds it ended (the status is not final
 * while the job's own listeners run). Executions of earlier processes are never watched, as a Prometheus
 * counter starts at zero with its process.
 *
 * <p>The executions are looked up by id: on Payara, listing the job's instances from this background
 * thread came back without them for tens of seconds at a time (the counter then missed short runs).
 */
@ApplicationScoped
public class RunOutcomes {

    private static final Logger LOG = Logger.getLogger(RunOutcomes.class.getName());
    static final long PERIOD_SECONDS = 2;
    private static final Set<BatchStatus> ENDED = Set.of(BatchStatus.COMPLETED, BatchStatus.FAILED, BatchStatus.STOPPED,
            BatchStatus.ABANDONED);

    @Resource
    ManagedScheduledExecutorService executor;

    @Inject
    SyncMetrics metrics;

    /** Its operator is looked up once: a lookup scans the class path, and this polls every few seconds. */
    @Inject
    SyncJobs jobs;

    private final Set<Long> watched = ConcurrentHashMap.newKeySet();
    private boolean warned;
    private ScheduledFuture<?> task;

    void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        task = executor.scheduleWithFixedDelay(this::poll, PERIOD_SECONDS, PERIOD_SECONDS, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }

    void began(@Observes ExecutionStarted execution) {
        watched.add(execution.executionId());
    }

    synchronized void poll() {
        try {
            for (Long id : Set.copyOf(watched)) {
                BatchStatus status;
                try {
                    status = jobs.execution(id).getBatchStatus();
                } catch (NoSuchJobExecutionException gone) {
                    watched.remove(id);
                    continue;
                }
                if (ENDED.contains(status) && watched.remove(id)) {
                    metrics.runEnded(status.name());
                }
            }
        } catch (RuntimeException e) {
            // On Liberty this thread has no caller identity; see the README (batch roles) if this says "not authorized"
            if (!warned) {
                warned = true;
                LOG.log(Level.WARNING, "counting ended ceph-sync runs failed (said once; further failures are logged at FINE)", e);
            } else {
                LOG.log(Level.FINE, "counting ended ceph-sync runs failed again", e);
            }
        }
    }
}
