package org.cephsync.batch;

import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Optional;
import java.util.stream.Collectors;
import org.cephsync.mapping.CephResource;
import org.cephsync.store.EndpointOutcome;
import org.cephsync.store.StagedItems;
import org.cephsync.store.Staging;
import org.cephsync.store.SyncRuns;
import org.cephsync.store.SyncStage;

/**
 * Hands on, in order, what the step's fetch phase ({@link ResourceFetch}) staged for the resource: each
 * endpoint's items, then its end mark. The checkpoint is the position reached, so a restart resumes on the
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
    private long endpointId;

    @Override
    public void open(Serializable checkpoint) {
        resource = BatchContexts.resource(step);
        instanceId = job.getInstanceId();
        skipped = SyncStage.SKIPPED.equals(runs.stage(instanceId, resource.wireName()).getStatus());
        ReaderCheckpoint at = checkpoint instanceof ReaderCheckpoint c ? c : ReaderCheckpoint.START;
        position = at.position();
        handed = at.handed();
    }

    @Override
    public Object readItem() {
        if (skipped) {
            return null;
        }
        BatchContexts.clock(job).check();
        while (true) {
            if (items == null) {
                Optional<Staging.Read> read = staging.read(instanceId, resource.wireName(), position);
                if (read.isEmpty()) {
                    failIfAnEndpointFailed();
                    return null;
                }
                endpointId = read.get().endpointId();
                items = read.get().items();
                items.skip(Math.min(handed, items.count()));
            }
            if (handed < items.count()) {
                handed++;
                return new SourceItem(endpointId, items.next());
            }
            if (handed == items.count()) {
                handed++;
                StepProgress.of(step).endOfEndpoint();
                return new EndpointEnd(endpointId);
            }
            items.close();
            items = null;
            position++;
            handed = 0;
        }
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
        if (items != null) {
            items.close();
        }
    }
}
