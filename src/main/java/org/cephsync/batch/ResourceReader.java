package org.cephsync.batch;

import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.cephsync.inventory.InventoryRow;
import org.cephsync.inventory.ProxmoxObjects;
import org.cephsync.resource.CephResource;
import org.cephsync.source.EndpointInfo;
import org.cephsync.store.EndpointOutcome;
import org.cephsync.store.StagedItems;
import org.cephsync.store.Staging;
import org.cephsync.store.SyncRuns;
import org.cephsync.store.SyncStage;

/**
 * Hands on, in order, what the step's fetch phase ({@link ResourceFetch}) staged for the resource: each
 * endpoint's items, then its end mark. Reads this execution fetched itself are handed on as the rows the fetch
 * mapped; reads staged by an earlier execution (a restart) as the staged items, for the processor to map.
 * The checkpoint is the position reached, so a restart resumes on the
 * same data right after the last committed chunk. When everything staged has been handed on, an endpoint
 * that could not be read fails the step, in a chunk of its own, so that a restart reads it again.
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

    private CephResource resource;
    private long instanceId;
    private boolean skipped;
    /** The staged read being handed on (1, 2, ...), and how much of it: its items, then its end mark. */
    private int position;
    private int handed;
    private StagedItems items;
    private List<InventoryRow> rows;
    /** Items in the open read; -1: none is open. */
    private int count = -1;
    private long endpointId;
    private ProxmoxObjects proxmox = ProxmoxObjects.NONE;
    /** The NetBox objects of each endpoint in scope, by endpoint id. */
    private Map<Long, ProxmoxObjects> proxmoxOfScope;

    @Override
    public void open(Serializable checkpoint) {
        resource = BatchContexts.resource(step);
        instanceId = job.getInstanceId();
        skipped = SyncStage.SKIPPED.equals(runs.stage(instanceId, resource.wireName()).getStatus());
        ReaderCheckpoint at = checkpoint instanceof ReaderCheckpoint c ? c : ReaderCheckpoint.START;
        position = at.position();
        handed = at.handed();
        proxmoxOfScope = runs.scope(instanceId).stream().collect(Collectors.toMap(EndpointInfo::id, EndpointInfo::proxmox));
    }

    @Override
    public Object readItem() {
        if (skipped) {
            return null;
        }
        BatchContexts.clock(job).check();
        while (true) {
            if (count < 0 && !open()) {
                failIfAnEndpointFailed();
                return null;
            }
            if (handed < count) {
                handed++;
                return rows != null ? rows.get(handed - 1) : new SourceItem(endpointId, proxmox, items.next());
            }
            if (handed == count) {
                handed++;
                StepProgress.of(step).endOfEndpoint();
                return new EndpointEnd(endpointId);
            }
            closeRead();
            position++;
            handed = 0;
        }
    }

    /** Opens the read at {@code position}: the rows this execution's fetch mapped, else the staged items. False: none is left. */
    private boolean open() {
        Optional<StepProgress.MappedRead> mapped = StepProgress.of(step).takeMapped(position);
        if (mapped.isPresent()) {
            endpointId = mapped.get().endpointId();
            rows = mapped.get().rows();
            count = rows.size();
            return true;
        }
        Optional<Staging.Read> read = staging.read(instanceId, resource.wireName(), position);
        if (read.isEmpty()) {
            return false;
        }
        endpointId = read.get().endpointId();
        proxmox = proxmoxOfScope.getOrDefault(endpointId, ProxmoxObjects.NONE);
        items = read.get().items();
        count = items.count();
        items.skip(Math.min(handed, count));
        return true;
    }

    private void closeRead() {
        if (items != null) {
            items.close();
        }
        items = null;
        rows = null;
        count = -1;
    }

    private void failIfAnEndpointFailed() {
        String failed = runs.endpoints(instanceId, resource.wireName()).stream().filter(EndpointOutcome::failed)
                .map(o -> o.name() + ": " + o.error()).collect(Collectors.joining("; "));
        if (!failed.isEmpty()) {
            throw new StageFailedException("stage " + resource.wireName() + " could not read every endpoint: " + failed);
        }
    }

    @Override
    public Serializable checkpointInfo() {
        return new ReaderCheckpoint(position, handed);
    }

    @Override
    public void close() {
        closeRead();
    }
}
