package org.cephsync.batch;

import jakarta.batch.api.listener.JobListener;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.cephsync.source.CephSource;
import org.cephsync.source.EndpointInfo;
import org.cephsync.source.NetBoxProxbox;
import org.cephsync.source.SourceException;
import org.cephsync.store.Branch;
import org.cephsync.store.Branches;
import org.cephsync.store.CephPluginSettings;
import org.cephsync.store.Settings;
import org.cephsync.store.Staging;
import org.cephsync.store.SyncRun;
import org.cephsync.store.SyncRuns;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Opens a run's document on its first execution (fixing the endpoints in scope, and dropping the staged data
 * of runs past {@code ceph-sync.staging.retention}), starts each execution's clock, and on the way out adds up
 * the runtime, closes the stages the execution left running, and, once the run has finished, drops its staged
 * data and what older runs staged for the resources and endpoints it has now synced.
 */
@Named
@Dependent
public class SyncJobListener implements JobListener {

    private static final Logger LOG = Logger.getLogger(SyncJobListener.class.getName());

    @Inject
    JobContext job;

    @Inject
    SyncRuns runs;

    @Inject
    Staging staging;

    @Inject
    ClusterStatuses clusterStatuses;

    @Inject
    CephSource source;

    @Inject
    NetBoxProxbox netbox;

    @Inject
    Settings settings;

    @Inject
    Branches branches;

    @Inject
    @ConfigProperty(name = "ceph-sync.endpoints")
    Optional<String> configuredEndpoints;

    @Inject
    @ConfigProperty(name = "ceph-sync.job-timeout", defaultValue = "PT2H")
    String jobTimeout;

    @Inject
    @ConfigProperty(name = SyncJobs.STAGING_RETENTION, defaultValue = SyncJobs.DEFAULT_STAGING_RETENTION)
    String retention;

    @Inject
    Event<ExecutionStarted> started;

    @Inject
    ServerName server;

    @Override
    public void beforeJob() {
        started.fire(new ExecutionStarted(job.getExecutionId()));
        job.setTransientUserData(RunClock.startingNow(Duration.parse(jobTimeout)));
        long instanceId = job.getInstanceId();
        SyncRun run = runs.find(instanceId).orElse(null);
        if (run == null) {
            purgeExpiredStaging();
            run = runs.open(instanceId, SyncParameters.resources(job.getProperties().getProperty(SyncParameters.RESOURCES)),
                    Instant.now(), server.get());
            CephPluginSettings current = settings.current();
            if (current.isBranchingEnabled()) {
                Branch branch = branches.open(current.getBranchNamePrefix(), job.getExecutionId(), instanceId, Instant.now());
                runs.useBranch(instanceId, branch.getSchemaId());
                LOG.info(() -> "ceph-sync run " + instanceId + " writes into branch " + branch.getName() + " (" + branch.getSchemaId() + ")");
            }
        } else {
            runs.resumeOn(instanceId, server.get());
            LOG.info(() -> "ceph-sync run " + instanceId + " resumes (execution " + job.getExecutionId() + ")");
        }
        if (run.getEndpointScope() == null) {
            fixScope(instanceId);
        }
    }

    /**
     * Reads the endpoint directory once per run, with NetBox's nodes and clusters of each endpoint when NetBox
     * is the directory (the rows refer to them); a failure fails the run before any step, restartable.
     */
    private void fixScope(long instanceId) {
        Set<Long> ids = SyncParameters.endpointIds(job.getProperties().getProperty(SyncParameters.ENDPOINTS));
        List<EndpointInfo> scope;
        String reason = null;
        try {
            List<EndpointInfo> listed = source.endpoints();
            scope = listed.stream()
                    .filter(e -> configuredEndpoints.map(names -> List.of(names.split("\\s*,\\s*")).contains(e.name())).orElse(true))
                    .filter(e -> ids.isEmpty() || ids.contains(e.id()))
                    .toList();
            if (netbox.configured()) {
                scope = netbox.withProxmoxObjects(scope);
            }
            if (scope.isEmpty()) {
                reason = "no endpoint in scope: " + source.describe() + " lists "
                        + listed.stream().map(e -> e.id() + " (" + e.name() + ")").toList()
                        + (ids.isEmpty() ? "" : ", the run asked for ids " + ids)
                        + configuredEndpoints.map(names -> ", ceph-sync.endpoints names " + names).orElse("");
            }
        } catch (RuntimeException e) {
            scope = List.of();
            reason = "the endpoint directory of " + source.describe() + " could not be read: " + FailureReason.of(e);
        }
        if (reason != null) {
            String why = reason;
            LOG.warning(() -> "ceph-sync run " + instanceId + " failed: " + why);
            runs.failRun(instanceId, why);
            throw new SourceException(why);
        }
        runs.fixScope(instanceId, scope);
        List<String> names = scope.stream().map(EndpointInfo::name).toList();
        LOG.info(() -> "ceph-sync run " + instanceId + " started: endpoints " + names + " from " + source.describe());
    }

    @Override
    public void afterJob() {
        clusterStatuses.forget(job.getExecutionId());
        long instanceId = job.getInstanceId();
        RunClock clock = BatchContexts.clock(job);
        boolean stopped = job.getBatchStatus() == BatchStatus.STOPPING || job.getBatchStatus() == BatchStatus.STOPPED;
        double seconds = Duration.between(clock.started(), Instant.now()).toMillis() / 1000.0;
        if (runs.endExecution(instanceId, seconds, stopped, Instant.now())) {
            SyncRun run = runs.find(instanceId).orElseThrow();
            int purged = staging.purgeFinished(instanceId, List.of(run.getResources().split(",")),
                    runs.scope(instanceId).stream().map(EndpointInfo::id).toList());
            LOG.fine(() -> "ceph-sync run " + instanceId + " finished: " + purged
                    + " staged read(s) dropped, its own and those of older runs it supersedes");
        }
    }

    /** Drops what runs opened longer ago than {@code ceph-sync.staging.retention} staged: they cannot be restarted any more. */
    private void purgeExpiredStaging() {
        int purged = staging.purgeRunsOpenedBefore(Instant.now().minus(Duration.parse(retention)));
        if (purged > 0) {
            LOG.info(() -> "ceph-sync: dropped " + purged + " staged item(s) of runs older than ceph-sync.staging.retention (" + retention + ")");
        }
    }
}
