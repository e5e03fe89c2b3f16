package org.cephsync.batch;

import jakarta.batch.api.partition.PartitionMapper;
import jakarta.batch.api.partition.PartitionPlan;
import jakarta.batch.api.partition.PartitionPlanImpl;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Properties;
import org.cephsync.source.EndpointInfo;
import org.cephsync.store.SyncRuns;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * One partition per endpoint in the run's scope, in the scope's order, up to
 * {@code ceph-sync.parallel-endpoints} (default 4) at a time: an endpoint that fails fails its partition and
 * so the step, never the others, and a restart reruns only the partitions that did not complete. The scope
 * is fixed when a run opens, so a restart maps the same partitions to the same endpoints. A partition gets
 * the run's clock too: its job context is its own.
 */
@Named
@Dependent
public class EndpointPartitions implements PartitionMapper {

    static final String ENDPOINT = "endpoint";
    static final String CLOCK = "clock";

    @Inject
    JobContext job;

    @Inject
    SyncRuns runs;

    @Inject
    @ConfigProperty(name = ResourceFetch.PARALLEL_ENDPOINTS, defaultValue = ResourceFetch.DEFAULT_PARALLEL_ENDPOINTS)
    int parallelEndpoints;

    @Override
    public PartitionPlan mapPartitions() {
        List<EndpointInfo> scope = runs.scope(job.getInstanceId());
        String clock = BatchContexts.clock(job).toText();
        Properties[] partitions = scope.stream().map(endpoint -> {
            Properties partition = new Properties();
            partition.setProperty(ENDPOINT, Long.toString(endpoint.id()));
            partition.setProperty(CLOCK, clock);
            return partition;
        }).toArray(Properties[]::new);
        PartitionPlan plan = new PartitionPlanImpl();
        plan.setPartitions(partitions.length);
        plan.setThreads(Math.max(1, Math.min(parallelEndpoints, partitions.length)));
        plan.setPartitionProperties(partitions);
        plan.setPartitionsOverride(false);
        return plan;
    }
}
