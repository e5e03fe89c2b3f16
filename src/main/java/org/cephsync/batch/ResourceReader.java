package org.cephsync.batch;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Optional;
import org.cephsync.inventory.InventoryRow;
import org.cephsync.inventory.ProxmoxObjects;
import org.cephsync.resource.CephResource;
import org.cephsync.source.EndpointInfo;
import org.cephsync.store.StagedItems;
import org.cephsync.store.Staging;
import org.cephsync.store.SyncRuns;
import org.cephsync.store.SyncStage;

/**
 * Hands on, in a partition, what the step's fetch ({@link ResourceFetch}) staged for the partition's endpoint:
 * the items, then the end mark. A read this execution fetched itself is handed on as the rows the fetch mapped
 * ({@link MappedReads}); a read staged by an earlier execution (a restart) as the staged items, for the
 * processor to map. The checkpoint is how far it
 * got, so a restart resumes on the same data right after the last committed chunk. An endpoint that could not
 * be read fails the partition at its first read, with the reason, so that a restart reads it again.
 */
@Named
@Dependent
public class ResourceReader extends AbstractItemReader {

    @Inject
    JobContext job;

    @Inject
    StepContext step;

    @Inject
    Staging staging;

    @Inject
    SyncRuns runs;

    @Inject
    MappedReads mappedReads;

    /** The id of the partition's endpoint. */
    @Inject
    @BatchProperty
    String endpoint;

    /** The run's clock ({@link RunClock#toText()}): the partition's job context is its own. */
    @Inject
    @BatchProperty
    String clock;

    private RunClock runClock;

    private CephResource resource;
    private long instanceId;
    private long endpointId;
    private boolean skipped;
    /** How much of the read is handed on: its items, then its end mark. */
    private int handed;
    private StagedItems items;
    private List<InventoryRow> rows;
    /** Items in the read; -1: not open yet. */
    private int count = -1;
    private ProxmoxObjects proxmox = ProxmoxObjects.NONE;

    @Override
    public void open(Serializable checkpoint) {
        resource = BatchContexts.resource(step);
        instanceId = job.getInstanceId();
        endpointId = Long.parseLong(endpoint.trim());
        runClock = RunClock.fromText(clock);
        skipped = SyncStage.SKIPPED.equals(runs.stage(instanceId, resource.wireName()).getStatus());
        handed = checkpoint instanceof ReaderCheckpoint at ? at.handed() : 0;
        proxmox = runs.scope(instanceId).stream().filter(e -> e.id() == endpointId).findFirst()
                .map(EndpointInfo::proxmox).orElse(ProxmoxObjects.NONE);
    }

    @Override
    public Object readItem() {
        if (skipped) {
            return null;
        }
        runClock.check();
        if (count < 0) {
            openRead();
        }
        if (handed < count) {
            handed++;
            return rows != null ? rows.get(handed - 1) : new SourceItem(endpointId, proxmox, items.next());
        }
        if (handed == count) {
            handed++;
            return new EndpointEnd(endpointId);
        }
        return null;
    }

    /** The rows this execution's fetch mapped, else the staged items; none staged: the endpoint could not be read. */
    private void openRead() {
        Optional<List<InventoryRow>> mapped = mappedReads.take(job.getExecutionId(), resource.wireName(), endpointId);
        if (mapped.isPresent()) {
            rows = mapped.get();
            count = rows.size();
            return;
        }
        Optional<Staging.Read> read = staging.read(instanceId, resource.wireName(), endpointId);
        if (read.isEmpty()) {
            String reason = runs.endpoints(instanceId, resource.wireName()).stream()
                    .filter(o -> o.id() == endpointId).findFirst()
                    .map(o -> o.name() + ": " + (o.failed() ? o.error() : "nothing of it is staged"))
                    .orElse("endpoint " + endpointId + ": it was not fetched");
            throw new StageFailedException("stage " + resource.wireName() + " could not read endpoint " + reason);
        }
        items = read.get().items();
        count = items.count();
        items.skip(Math.min(handed, count));
    }

    @Override
    public Serializable checkpointInfo() {
        return new ReaderCheckpoint(handed);
    }

    @Override
    public void close() {
        if (items != null) {
            items.close();
        }
        items = null;
        rows = null;
    }
}
