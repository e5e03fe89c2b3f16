package org.cephsync.batch;

import jakarta.annotation.Resource;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

import jakarta.batch.operations.JobOperator;
import jakarta.batch.operations.NoSuchJobException;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.JobExecution;
import jakarta.batch.runtime.JobInstance;
import jakarta.batch.runtime.StepExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import javax.sql.DataSource;
import org.cephsync.resource.CephResource;
import org.cephsync.store.SyncRun;
import org.cephsync.store.SyncRuns;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Starting, restarting, stopping and looking up ceph-sync runs through the batch runtime.
 */
@ApplicationScoped
public class SyncJobs {

    public static final String STAGING_RETENTION = "ceph-sync.staging.retention";
    public static final String DEFAULT_STAGING_RETENTION = "P7D";

    /**
     * Held exclusively while a run is started or restarted, and shared while runs are listed: one start at a
     * time (the check that none is running and the start are one step), and no listing of a job instance that
     * JBatch is still creating (its getJobInstances throws a NullPointerException for one whose status row is
     * not written yet).
     */
    private final ReadWriteLock starting = new ReentrantReadWriteLock();

    /**
     * The batch runtime's operator, looked up once: {@link BatchRuntime#getJobOperator} runs a ServiceLoader over
     * the application's class path on every call: a sixth of the CPU a client polling a run cost. The
     * operator holds no caller state; both servers check the caller's batch roles on each of its calls.
     */
    private volatile JobOperator operator;

    @Inject
    SyncRuns runs;

    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource dataSource;

    @Inject
    @ConfigProperty(name = "ceph-sync.chunk-size", defaultValue = "1000")
    int chunkSize;

    @Inject
    @ConfigProperty(name = STAGING_RETENTION, defaultValue = DEFAULT_STAGING_RETENTION)
    String retention;

    private JobOperator operator() {
        JobOperator found = operator;
        if (found == null) {
            found = BatchRuntime.getJobOperator();
            operator = found;
        }
        return found;
    }

    /**
     * Starts a run, unless one is running (one ceph-sync run at a time, whoever starts it).
     *
     * @return the new execution's id
     * @throws RunConflictException naming the running execution
     */
    public long start(Set<CephResource> resources, List<Long> endpointIds) {
        starting.writeLock().lock();
        try {
            refuseWhileRunning("start another");
            return operator().start(SyncParameters.JOB_NAME, SyncParameters.of(resources, endpointIds, chunkSize));
        } finally {
            starting.writeLock().unlock();
        }
    }

    /**
     * Restarts a failed or stopped run with the parameters it started with, unless another run is running,
     * a newer run has synced what it has left to do, or its staged data is past the retention.
     *
     * @return the new execution's id
     * @throws RunConflictException saying which of these it is
     */
    public long restart(long executionId) {
        starting.writeLock().lock();
        try {
            return restartAlone(executionId);
        } finally {
            starting.writeLock().unlock();
        }
    }

    private long restartAlone(long executionId) {
        refuseWhileRunning("restart run " + executionId);
        long instanceId = operator().getJobInstance(executionId).getInstanceId();
        Optional<SyncRun> run = runs.find(instanceId);
        runs.supersededBy(instanceId).ifPresent(newer -> {
            throw new RunConflictException("execution " + executionId + " cannot be restarted: a newer run (" + newer
                    + ") has completed what it has left to do, so its staged data is older than the inventory; start a new sync instead");
        });
        Instant cutoff = Instant.now().minus(Duration.parse(retention));
        if (run.isPresent() && run.get().getFinished() == null && run.get().getCreated().isBefore(cutoff)) {
            throw new RunConflictException("execution " + executionId + " cannot be restarted: its staged data was dropped after "
                    + STAGING_RETENTION + " (" + retention + "); start a new sync instead");
        }
        Properties asked = execution(executionId).getJobParameters();
        String resources = asked == null ? null : asked.getProperty(SyncParameters.RESOURCES);
        String endpoints = asked == null ? null : asked.getProperty(SyncParameters.ENDPOINTS);
        // the batch runtime forgets parameters: pass them again (endpoints too, in case the first
        // execution failed before it could fix the run's scope)
        return operator().restart(executionId, SyncParameters.of(
                SyncParameters.resources(run.map(SyncRun::getResources).orElse(resources)),
                List.copyOf(SyncParameters.endpointIds(endpoints)), chunkSize));
    }

    private void refuseWhileRunning(String what) {
        running().ifPresent(id -> {
            throw new RunConflictException("cannot " + what + ": ceph-sync execution " + id + " (run "
                    + instanceId(id) + ") is running, and only one ceph-sync run runs at a time");
        });
    }

    /**
     * A ceph-sync execution that is starting, running or stopping, if any, on this server or on another that
     * shares the database: Payara's batch runtime lists only the executions of its own JVM, so its job
     * repository tables are asked too (Liberty's runtime reads its repository itself).
     */
    public Optional<Long> running() {
        try {
            Optional<Long> here = operator().getRunningExecutions(SyncParameters.JOB_NAME).stream().findFirst();
            if (here.isPresent()) {
                return here;
            }
        } catch (NoSuchJobException none) {
            // no run of the job on this server yet
        }
        try (Connection connection = dataSource.getConnection()) {
            Optional<JBatchTables> tables = JBatchTables.find(connection);
            return tables.isEmpty() ? Optional.empty()
                    : tables.get().running(connection, SyncParameters.JOB_NAME).stream().findFirst().map(JBatchTables.Running::executionId);
        } catch (SQLException e) {
            throw new IllegalStateException("ceph-sync cannot read the job repository: " + e.getMessage(), e);
        }
    }

    /** The running execution of one run, if it is running. */
    public Optional<Long> runningExecutionOf(long instanceId) {
        return running().filter(id -> instanceId(id) == instanceId);
    }

    public void stop(long executionId) {
        operator().stop(executionId);
    }

    public JobExecution execution(long executionId) {
        JobExecution execution = operator().getJobExecution(executionId);
        if (!SyncParameters.JOB_NAME.equals(execution.getJobName())) {
            throw new jakarta.batch.operations.NoSuchJobExecutionException(String.valueOf(executionId));
        }
        return execution;
    }

    public long instanceId(long executionId) {
        return operator().getJobInstance(executionId).getInstanceId();
    }

    /** The steps of an execution in the order they ran (the runtime's list follows the database's row order). */
    public List<StepExecution> steps(long executionId) {
        return operator().getStepExecutions(executionId).stream()
                .sorted(Comparator.comparingLong(StepExecution::getStepExecutionId)).toList();
    }

    public int runCount() {
        try {
            return operator().getJobInstanceCount(SyncParameters.JOB_NAME);
        } catch (NoSuchJobException none) {
            return 0;
        }
    }

    /** The latest execution of each run, newest run first. */
    public List<JobExecution> latestExecutions(int offset, int limit) {
        starting.readLock().lock();
        try {
            return latestRuns(offset, limit).stream()
                    .map(this::latest)
                    .flatMap(Optional::stream)
                    .sorted(Comparator.comparingLong(JobExecution::getExecutionId).reversed())
                    .toList();
        } finally {
            starting.readLock().unlock();
        }
    }

    /** The runs (job instances), newest first; never one that a start is still creating. */
    public List<JobInstance> latestRuns(int offset, int limit) {
        starting.readLock().lock();
        try {
            return operator().getJobInstances(SyncParameters.JOB_NAME, offset, limit);
        } catch (NoSuchJobException none) {
            return List.of();
        } finally {
            starting.readLock().unlock();
        }
    }

    private Optional<JobExecution> latest(JobInstance instance) {
        return operator().getJobExecutions(instance).stream().max(Comparator.comparingLong(JobExecution::getExecutionId));
    }
}
