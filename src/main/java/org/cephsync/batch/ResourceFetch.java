package org.cephsync.batch;

import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.cephsync.inventory.InventoryModel;
import org.cephsync.inventory.InventoryRow;
import org.cephsync.mapping.CephResource;
import org.cephsync.mapping.ClusterStatus;
import org.cephsync.mapping.SourcePayloads;
import org.cephsync.source.CephSource;
import org.cephsync.source.EndpointInfo;
import org.cephsync.store.EndpointOutcome;
import org.cephsync.store.Staging;
import org.cephsync.store.SyncRuns;

/**
 * The first phase of a resource's step, before its chunks and outside any transaction: every endpoint in
 * scope that this run has not read yet (or could not read) is fetched from the source, and what came back
 * is staged with the endpoint's outcome, one short transaction per endpoint. A slow or failing endpoint
 * therefore holds no database connection or lock while it is read, and never rolls back what the others
 * staged; it is recorded with its reason and read again by a restart.
 */
@Dependent
public class ResourceFetch {

    private static final Logger LOG = Logger.getLogger(ResourceFetch.class.getName());

    @Inject
    CephSource source;

    @Inject
    Staging staging;

    @Inject
    SyncRuns runs;

    void fetchUnread(JobContext job, CephResource resource) {
        long instanceId = job.getInstanceId();
        Set<Long> read = runs.endpoints(instanceId, resource.wireName()).stream()
                .filter(o -> !o.failed()).map(EndpointOutcome::id).collect(Collectors.toSet());
        for (EndpointInfo endpoint : runs.scope(instanceId)) {
            if (read.contains(endpoint.id())) {
                continue;
            }
            if (job.getBatchStatus() == BatchStatus.STOPPING) {
                return;
            }
            List<Staging.Item> items;
            try {
                BatchContexts.clock(job).check();
                items = items(resource, fetch(resource, endpoint));
            } catch (RuntimeException e) {
                String reason = FailureReason.of(e);
                LOG.warning(() -> "ceph-sync run " + instanceId + ": reading " + resource.wireName()
                        + " of endpoint " + endpoint.name() + " failed: " + reason);
                staging.failed(instanceId, resource.wireName(), endpoint, reason);
                continue;
            }
            staging.stage(instanceId, resource.wireName(), endpoint, items);
        }
    }

    /** Splits what was fetched into items, each with the model and natural key of the row it maps to. */
    private static List<Staging.Item> items(CephResource resource, SourcePayloads payloads) {
        List<Staging.Item> items = new ArrayList<>();
        for (JsonObject item : resource.mapper().split(payloads)) {
            InventoryRow row = resource.mapper().map(item);
            items.add(new Staging.Item(InventoryModel.of(row).path(), row.naturalKey(), item));
        }
        return items;
    }

    /** One request per path of the resource, against the node the cluster status says to ask. */
    private SourcePayloads fetch(CephResource resource, EndpointInfo endpoint) {
        Map<String, JsonValue> bodies = new LinkedHashMap<>();
        JsonValue clusterStatus = source.read(endpoint.name(), CephResource.CLUSTER_STATUS);
        bodies.put(CephResource.CLUSTER_STATUS, clusterStatus);
        String node = null;
        for (String path : resource.paths()) {
            if (path.contains("{node}") && node == null) {
                node = ClusterStatus.nodeToAsk(clusterStatus);
            }
            bodies.put(path, source.read(endpoint.name(), node == null ? path : path.replace("{node}", node)));
        }
        return new SourcePayloads(endpoint.name(), bodies);
    }
}
