package org.cephsync.batch;

import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.stream.Collectors;
import org.cephsync.mapping.CephResource;
import org.cephsync.store.EndpointOutcome;
import org.cephsync.store.StagedItem;
import org.cephsync.store.Staging;
import org.cephsync.store.SyncRuns;
import org.cephsync.store.SyncStage;

/**
 * Hands on, in order, what the step's fetch phase ({@link ResourceFetch}) staged for the resource: each
 * endpoint's items, then its end mark. The checkpoint is the last one handed on, so a restart resumes on the
 * same data right after the last committed chunk. When everything staged has been handed on, an endpoint
 * that could not be read fails the step, in a chunk of its own, so that a restart reads it again.
 */
@Named
@Dependent
public class ResourceReader extends AbstractItemReader {

    private static final int PAGE = 200;

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
    private long lastSeq;
    private boolean skipped;
    private final Deque<StagedItem> buffer = new ArrayDeque<>();

    @Override
    public void open(Serializable checkpoint) {
        resource = BatchContexts.resource(step);
        instanceId = job.getInstanceId();
        lastSeq = checkpoint instanceof ReaderCheckpoint c ? c.lastSeq() : 0;
        skipped = SyncStage.SKIPPED.equals(runs.stage(instanceId, resource.wireName()).getStatus());
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
        if (item.isEnd()) {
            StepProgress.of(step).endOfEndpoint();
        }
        return item;
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
        return new ReaderCheckpoint(lastSeq);
    }
}
