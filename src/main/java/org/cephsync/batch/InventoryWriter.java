package org.cephsync.batch;

import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cephsync.inventory.DatabaseTime;
import org.cephsync.inventory.InventoryModel;
import org.cephsync.inventory.InventoryRow;
import org.cephsync.resource.CephResource;
import org.cephsync.store.Branches;
import org.cephsync.store.InventoryStore;
import org.cephsync.store.Staging;
import org.cephsync.store.SyncRuns;
import org.cephsync.store.WriteCounts;
import org.cephsync.store.WriteTarget;

/**
 * Writes a chunk into the run's target (main or its branch), in the chunk's transaction: the rows as
 * upserts, and for each endpoint whose end mark the chunk carries, the deletions its complete read implies
 * and the record that the endpoint is complete. The stage's counts move in the same transaction.
 */
@Named
@Dependent
public class InventoryWriter extends AbstractItemWriter {

    @Inject
    JobContext job;

    @Inject
    StepContext step;

    @Inject
    InventoryStore store;

    @Inject
    Staging staging;

    @Inject
    SyncRuns runs;

    @Inject
    Event<ChunkWritten> written;

    @Inject
    Branches branches;

    private WriteTarget target;

    @Override
    public void open(Serializable checkpoint) {
        target = branches.target(runs.find(job.getInstanceId()).orElseThrow().getBranchSchemaId());
    }

    @Override
    public void writeItems(List<Object> items) {
        try {
            write(items);
        } catch (RuntimeException | Error e) {
            StepProgress.of(step).failed(e);
            throw e;
        }
    }

    private void write(List<Object> items) {
        long instanceId = job.getInstanceId();
        CephResource resource = BatchContexts.resource(step);
        Instant now = DatabaseTime.now();
        List<InventoryRow> rows = new ArrayList<>();
        List<EndpointEnd> ends = new ArrayList<>();
        for (Object item : items) {
            if (item instanceof EndpointEnd end) {
                ends.add(end);
            } else {
                rows.add((InventoryRow) item);
            }
        }
        WriteCounts counts = rows.isEmpty() ? WriteCounts.NONE : store.write(rows, now, target);
        for (EndpointEnd end : ends) {
            counts = counts.plus(reflectDeletions(instanceId, resource, end.endpointId(), now));
            runs.completeEndpoint(instanceId, resource.wireName(), end.endpointId());
        }
        runs.count(instanceId, resource.wireName(), counts);
        written.fire(new ChunkWritten(instanceId, resource.wireName(), rows.size(), counts));
    }

    /**
     * Deletes the rows of the endpoint that its complete read no longer lists: the natural keys kept are those of
     * the read staged for it in this run (none staged: nothing is deleted, the step fails).
     */
    private WriteCounts reflectDeletions(long instanceId, CephResource resource, long endpointId, Instant now) {
        Map<String, Set<String>> keep = staging.naturalKeys(instanceId, resource.wireName(), endpointId)
                .orElseThrow(() -> new IllegalStateException("the staged read of endpoint " + endpointId + " for " + resource.wireName()
                        + " is gone: no row of it is deleted"));
        long deleted = 0;
        for (InventoryModel model : resource.models()) {
            deleted += store.sweep(endpointId, model, keep.getOrDefault(model.path(), Set.of()), target, now);
        }
        return WriteCounts.deleted(deleted);
    }
}
