package org.cephsync.metrics;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.operations.NoSuchJobException;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.JobExecution;
import jakarta.batch.runtime.JobInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.cephsync.batch.SyncJobs;
import org.cephsync.batch.SyncParameters;

/**
 * Feeds {@code ceph_sync_runs_total{outcome}}: every few seconds it looks at the executions of the newest runs
 * (and at those it saw running) and counts each execution once, when it has ended. Executions that had ended
 * before the server started are not counted, as a Prometheus counter starts at zero with its process.
 */
@ApplicationScoped
public class RunOutcomes {

    private static final Logger LOG = Logger.getLogger(RunOutcomes.class.getName());
    static final int WINDOW = 20;
    static final long PERIOD_SECONDS = 5;
    private static final Set<BatchStatus> ENDED = Set.of(BatchStatus.COMPLETED, BatchStatus.FAILED, BatchStatus.STOPPED,
            BatchStatus.ABANDONED);

    @Resource
    ManagedScheduledExecutorService executor;

    @Inject
    SyncMetrics metrics;

    @Inject
    SyncJobs jobs;

    private final Set<Long> counted = new HashSet<>();
    private final Set<Long> watched = new HashSet<>();
    private boolean primed;
    private boolean warned;
    private ScheduledFuture<?> task;

    void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        task = executor.scheduleWithFixedDelay(this::poll, 1, PERIOD_SECONDS, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }

    synchronized void poll() {
        try {
            JobOperator operator = BatchRuntime.getJobOperator();
            Set<Long> seen = new HashSet<>();
            List<JobInstance> instances;
            try {
                instances = jobs.latestRuns(0, WINDOW);
                watched.addAll(operator.getRunningExecutions(SyncParameters.JOB_NAME));
            } catch (NoSuchJobException none) {
                instances = List.of();
            }
            for (JobInstance instance : instances) {
                for (JobExecution execution : operator.getJobExecutions(instance)) {
                    seen.add(execution.getExecutionId());
                    observe(execution);
                }
            }
            for (Long id : Set.copyOf(watched)) {
                if (!seen.contains(id)) {
                    observe(operator.getJobExecution(id));
                }
            }
            primed = true;
            counted.retainAll(seen);
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

    private void observe(JobExecution execution) {
        long id = execution.getExecutionId();
        BatchStatus status = execution.getBatchStatus();
        if (!ENDED.contains(status)) {
            watched.add(id);
            return;
        }
        watched.remove(id);
        if (counted.add(id) && primed) {
            metrics.runEnded(status.name());
        }
    }
}
