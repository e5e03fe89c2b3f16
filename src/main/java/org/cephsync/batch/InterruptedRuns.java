package org.cephsync.batch;

import jakarta.annotation.Resource;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.operations.JobSecurityException;
import jakarta.batch.operations.NoSuchJobException;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.JobExecution;
import jakarta.batch.runtime.JobInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.cephsync.store.SyncRun;
import org.cephsync.store.SyncRuns;
import org.cephsync.store.SyncStage;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Crash recovery, once at application start. A server killed in the middle of a run (SIGKILL, power loss,
 * OOM killer) leaves that run's execution marked running in the job repository, and a running execution
 * cannot be restarted. Open Liberty marks such executions FAILED itself when it starts again; Payara's
 * batch runtime (JBatch) does not, and the Jakarta Batch API has no call for it (abandon makes a run
 * ABANDONED, which is final). So, before the application takes requests:
 * <ol>
 *   <li>every execution of a run of this server that the repository says is running but that was created
 *       before this JVM started cannot be running any more: it is marked FAILED in the repository's
 *       tables ({@link JBatchTables}, Payara), which makes it restartable through our admin REST;</li>
 *   <li>the stages such a run left "running" become errors with the reason (as {@code afterJob} does for
 *       a run that ends normally), for the runs just repaired and for the latest runs whose execution the
 *       server itself already marked FAILED or STOPPED (Liberty).</li>
 * </ol>
 * A restart then resumes from the last committed checkpoint, on the data staged by the lost execution.
 *
 * <p>Servers may share the database (PostgreSQL): each marks only the executions of runs that it ran itself
 * ({@link ServerName}, recorded with the run), so another server's live run is left alone. Exotic setups
 * (two servers under one name) set {@code ceph-sync.recover-interrupted-runs=false}.
 */
@ApplicationScoped
public class InterruptedRuns {

    private static final Logger LOG = Logger.getLogger(InterruptedRuns.class.getName());
    private static final Set<BatchStatus> ENDED_RESTARTABLE = EnumSet.of(BatchStatus.FAILED, BatchStatus.STOPPED);
    /** How many of the latest runs are checked for stages left running. */
    private static final int LATEST_RUNS = 50;

    @Inject
    SyncRuns runs;

    @Inject
    ServerName server;

    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource dataSource;

    @Inject
    @ConfigProperty(name = "ceph-sync.recover-interrupted-runs", defaultValue = "true")
    boolean enabled;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
        if (!enabled) {
            LOG.info("ceph-sync.recover-interrupted-runs=false: runs interrupted by a server crash are left as they are");
            return;
        }
        try {
            recover();
        } catch (RuntimeException e) {
            // never keep the application from starting: the runs stay as they were, and say so in the log
            LOG.log(Level.WARNING, "ceph-sync: recovery of runs interrupted by a crash failed", e);
        }
    }

    /** @return the execution ids marked FAILED */
    List<Long> recover() {
        Instant jvmStarted = Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime());
        List<Long> marked = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            Optional<JBatchTables> tables = JBatchTables.find(connection);
            if (tables.isEmpty()) {
                // Open Liberty (its repository has other tables, and it recovers its executions itself),
                // or a repository that has never run a job
                LOG.fine("ceph-sync: no JBatch job repository tables in java:comp/DefaultDataSource");
            } else {
                for (JBatchTables.Running orphan : tables.get().runningBefore(connection, SyncParameters.JOB_NAME, jvmStarted)) {
                    Optional<SyncRun> run = runs.find(orphan.instanceId());
                    Optional<String> runsOn = run.map(SyncRun::getServerName).filter(name -> !name.equals(server.get()));
                    if (runsOn.isPresent()) {
                        LOG.info(() -> "ceph-sync: execution " + orphan.executionId() + " (run " + orphan.instanceId()
                                + ") is " + orphan.status() + " on server " + runsOn.get() + ": left to that server");
                        continue;
                    }
                    ClassLoader batchRuntime = BatchRuntime.getJobOperator().getClass().getClassLoader();
                    // a run killed before it fixed its scope has no partitions yet
                    int partitionsPerStep = run.filter(r -> r.getEndpointScope() != null)
                            .map(r -> runs.scope(orphan.instanceId()).size()).orElse(0);
                    if (tables.get().markFailed(connection, orphan.executionId(), orphan.instanceId(), partitionsPerStep, batchRuntime,
                            Instant.now())) {
                        LOG.warning("ceph-sync: execution " + orphan.executionId() + " (run " + orphan.instanceId() + ") was "
                                + orphan.status() + " when the server stopped (crash or kill): marked FAILED so that it can be restarted");
                        marked.add(orphan.executionId());
                        runs.closeRunningStages(orphan.instanceId(), false);
                    }
                }
            }
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "ceph-sync: could not look for executions interrupted by a crash", e);
        }
        int repaired = 0;
        try {
            repaired = repairStages(BatchRuntime.getJobOperator());
        } catch (JobSecurityException e) {
            LOG.warning("ceph-sync: the batch runtime refused to list runs at startup (" + e.getMessage()
                    + "); stages left running by a crash stay so until the run is restarted. On Liberty, keep the"
                    + " special subject EVERYONE in batchMonitor, or disable this with ceph-sync.recover-interrupted-runs=false");
        }
        if (!marked.isEmpty() || repaired > 0) {
            LOG.info("ceph-sync: " + marked.size() + " execution(s) interrupted by a crash marked FAILED " + marked
                    + ", stages left running closed in " + repaired + " other run(s); restart them to finish");
        }
        return marked;
    }

    /** Closes stages left running by runs whose latest execution ended FAILED or STOPPED; @return how many runs. */
    private int repairStages(JobOperator operator) {
        List<JobInstance> latest;
        if (!operator.getJobNames().contains(SyncParameters.JOB_NAME)) {
            return 0;
        }
        try {
            latest = operator.getJobInstances(SyncParameters.JOB_NAME, 0, LATEST_RUNS);
        } catch (NoSuchJobException none) {
            return 0;
        }
        int repaired = 0;
        for (JobInstance instance : latest) {
            Optional<JobExecution> last = operator.getJobExecutions(instance).stream()
                    .max(Comparator.comparingLong(JobExecution::getExecutionId));
            long instanceId = instance.getInstanceId();
            if (last.isPresent() && ENDED_RESTARTABLE.contains(last.get().getBatchStatus())
                    && runs.stages(instanceId).stream().anyMatch(s -> SyncStage.RUNNING.equals(s.getStatus()))) {
                runs.closeRunningStages(instanceId, last.get().getBatchStatus() == BatchStatus.STOPPED);
                repaired++;
            }
        }
        return repaired;
    }

}
