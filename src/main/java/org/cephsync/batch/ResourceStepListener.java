package org.cephsync.batch;

import jakarta.batch.api.listener.StepListener;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.cephsync.resource.CephResource;
import org.cephsync.store.EndpointOutcome;
import org.cephsync.store.SyncRuns;
import org.cephsync.store.SyncStage;

/**
 * Keeps a resource's stage up to date around its step (the batch runtime calls step listeners at the step's
 * level, not in its partitions). Before the partitions, it runs the fetch phase ({@link ResourceFetch}). After
 * them, the stage is {@code ok} only when the step really completed and every endpoint in scope was recorded
 * complete by the chunk that wrote its last rows; a stopped step is {@code stopped}, anything else
 * {@code error} with the reasons the failed partitions gave, or the most telling one there is.
 */
@Named
@Dependent
public class ResourceStepListener implements StepListener {

    private static final Logger LOG = Logger.getLogger(ResourceStepListener.class.getName());
    private static final Set<BatchStatus> STOPPING = Set.of(BatchStatus.STOPPING, BatchStatus.STOPPED);

    @Inject
    JobContext job;

    @Inject
    StepContext step;

    @Inject
    SyncRuns runs;

    @Inject
    ResourceFetch fetch;

    @Inject
    MappedReads mappedReads;

    private Instant started;

    @Override
    public void beforeStep() {
        started = Instant.now();
        CephResource resource = BatchContexts.resource(step);
        if (skipped(resource)) {
            return;
        }
        runs.setStatus(job.getInstanceId(), resource.wireName(), SyncStage.RUNNING, null);
        mappedReads.keep(job.getExecutionId(), resource.wireName(), fetch.fetchUnread(job, resource));
    }

    @Override
    public void afterStep() {
        long instanceId = job.getInstanceId();
        CephResource resource = BatchContexts.resource(step);
        if (skipped(resource)) {
            return;
        }
        mappedReads.drop(job.getExecutionId(), resource.wireName());
        double seconds = Duration.between(started, Instant.now()).toMillis() / 1000.0;
        List<EndpointOutcome> outcomes = runs.endpoints(instanceId, resource.wireName());
        Set<Long> complete = outcomes.stream().filter(EndpointOutcome::complete).map(EndpointOutcome::id).collect(Collectors.toSet());
        List<String> incomplete = runs.scope(instanceId).stream().filter(e -> !complete.contains(e.id())).map(e -> e.name()).toList();
        List<String> partitionFailures = StepProgress.of(step).partitionFailures();
        Throwable failure = step.getException();
        BatchStatus status = step.getBatchStatus();
        if (STOPPING.contains(status) || STOPPING.contains(job.getBatchStatus())) {
            boolean finished = incomplete.isEmpty() && partitionFailures.isEmpty();
            String reason = "stopped before every endpoint was written" + (incomplete.isEmpty() ? "" : " (left: " + String.join(", ", incomplete) + ")")
                    + "; restart the run to finish";
            runs.endStage(instanceId, resource.wireName(), seconds, finished ? SyncStage.OK : SyncStage.STOPPED, finished ? null : reason);
            return;
        }
        if (partitionFailures.isEmpty() && incomplete.isEmpty() && status != BatchStatus.FAILED) {
            runs.endStage(instanceId, resource.wireName(), seconds, SyncStage.OK, null);
            return;
        }
        String reason = !partitionFailures.isEmpty() ? String.join("; ", partitionFailures)
                : failure != null ? FailureReason.of(failure)
                : "the step ended " + status + " before every endpoint was written (left: " + String.join(", ", incomplete) + ")";
        LOG.warning(() -> "ceph-sync run " + instanceId + ", stage " + resource.wireName() + " failed: " + reason);
        runs.endStage(instanceId, resource.wireName(), seconds, SyncStage.ERROR, reason);
    }

    private boolean skipped(CephResource resource) {
        return SyncStage.SKIPPED.equals(runs.stage(job.getInstanceId(), resource.wireName()).getStatus());
    }
}
