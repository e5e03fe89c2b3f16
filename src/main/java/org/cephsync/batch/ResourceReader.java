package org.cephsync.batch;

import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
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
import org.cephsync.store.StagedItem;
import org.cephsync.store.Staging;
import org.cephsync.store.SyncRuns;
import org.cephsync.store.SyncStage;

/**
 * Reads one resource (the step's name) for every endpoint in scope. On open it fetches each endpoint not
 * yet read in this run, splits what came back into items and stages them; then it hands the staged items
 * on in order, checkpointing the last one, so a restart resumes on the same data where the last committed
 * chunk ended. An endpoint that cannot be read is recorded with its reason and does not stop the others.
 */
@Named
@Dependent
public class ResourceReader extends AbstractItemReader {

    private static final Logger LOG = Logger.getLogger(ResourceReader.class.getName());
    private static final int PAGE = 200;

    @Inject
    JobContext job;

    @Inject
    StepContext step;

    @Inject
    CephSource source;

    @Inject
    Staging staging;

    @Inject
    SyncRuns runs;

    private CephResource resource;
    private long instanceId;
    private long lastSeq;
    private boolean skipped;
    private final Deque<StagedItem> buffer = new ArrayDeque<>();

    @Override
    public void open(Serializable checkpoint) {
        resource = BatchContexts.resource(step);
        instanceId = job.getInstanceId();
        lastSeq = checkpoint instanceof ReaderCheckpoint c ? c.lastSeq() : 0;
        skipped = SyncStage.SKIPPED.equals(runs.stage(instanceId, resource.wireName()).getStatus());
        if (!skipped) {
            stageUnreadEndpoints();
        }
    }

    private void stageUnreadEndpoints() {
        Set<Long> alreadyRead = runs.endpoints(instanceId, resource.wireName()).stream()
                .filter(EndpointOutcome::ok).map(EndpointOutcome::id).collect(Collectors.toSet());
        List<EndpointOutcome> outcomes = new ArrayList<>();
        for (EndpointInfo endpoint : runs.scope(instanceId)) {
            if (alreadyRead.contains(endpoint.id())) {
                continue;
            }
            BatchContexts.clock(job).check();
            try {
                List<Staging.Item> items = new ArrayList<>();
                for (JsonObject item : resource.mapper().split(fetch(endpoint))) {
                    InventoryRow row = resource.mapper().map(item);
                    items.add(new Staging.Item(InventoryModel.of(row).path(), row.naturalKey(), item));
                }
                staging.stage(instanceId, resource.wireName(), endpoint.id(), items);
                outcomes.add(EndpointOutcome.ok(endpoint.id(), endpoint.name(), items.size()));
            } catch (RuntimeException e) {
                String reason = ResourceStepListener.reason(e);
                LOG.log(Level.WARNING, "ceph-sync run " + instanceId + ": reading " + resource.wireName()
                        + " of endpoint " + endpoint.name() + " failed: " + reason);
                outcomes.add(EndpointOutcome.failed(endpoint.id(), endpoint.name(), reason));
            }
        }
        runs.recordEndpoints(instanceId, resource.wireName(), outcomes);
    }

    /** One request per path of the resource, against the node the cluster status says to ask. */
    private SourcePayloads fetch(EndpointInfo endpoint) {
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

    @Override
    public Object readItem() {
        if (skipped) {
            return null;
        }
        BatchContexts.clock(job).check();
        if (buffer.isEmpty()) {
            buffer.addAll(staging.page(instanceId, resource.wireName(), lastSeq, PAGE));
        }
        StagedItem item = buffer.poll();
        if (item == null) {
            failIfAnEndpointFailed();
            return null;
        }
        lastSeq = item.getSeq();
        return item;
    }

    /**
     * Everything staged has been handed on: an endpoint that could not be read now fails the step, so that a
     * restart reads it again (the items of this last chunk are written then). Failing here, in the chunk,
     * rather than in a step listener keeps to the path every batch runtime handles cleanly.
     */
    private void failIfAnEndpointFailed() {
        String failed = runs.endpoints(instanceId, resource.wireName()).stream().filter(o -> !o.ok())
                .map(o -> o.name() + ": " + o.error()).collect(Collectors.joining("; "));
        if (!failed.isEmpty()) {
            throw new StageFailedException("stage " + resource.wireName() + " could not read every endpoint: " + failed);
        }
    }

    @Override
    public Serializable checkpointInfo() {
        return new ReaderCheckpoint(lastSeq);
    }
}
