package org.cephsync.batch;

import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.util.List;
import org.cephsync.inventory.InventoryRow;
import org.cephsync.store.Branches;
import org.cephsync.store.InventoryStore;
import org.cephsync.store.SyncRuns;
import org.cephsync.store.WriteCounts;
import org.cephsync.store.WriteTarget;

/** Writes a chunk of rows into the run's target (main or its branch) and counts them in the stage, in the chunk's transaction. */
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
    SyncRuns runs;

    @Inject
    Event<ChunkWritten> written;

    @Inject
    Branches branches;

    private WriteTarget target;

    @Override
    public void open(java.io.Serializable checkpoint) {
        target = branches.target(runs.find(job.getInstanceId()).orElseThrow().getBranchSchemaId());
    }

    @Override
    public void writeItems(List<Object> items) {
        List<InventoryRow> rows = items.stream().map(InventoryRow.class::cast).toList();
        WriteCounts counts = store.write(rows, Instant.now(), target);
        String resource = step.getStepName();
        runs.count(job.getInstanceId(), resource, counts);
        written.fire(new ChunkWritten(job.getInstanceId(), resource, rows.size(), counts));
    }
}
