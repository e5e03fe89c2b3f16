package org.cephsync.batch;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractCheckpointAlgorithm;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * A chunk ends after {@code items} items, or right after an endpoint's end mark, whichever comes first. So
 * an endpoint's last rows, its deletions and the record that it is complete commit together, and the step
 * can fail for an endpoint that could not be read (at the start of a chunk of its own) without rolling back
 * what the others wrote.
 */
@Named
@Dependent
public class EndpointCheckpoints extends AbstractCheckpointAlgorithm {

    /** Seconds a chunk's transaction may last, as the batch runtime's default for item-count chunks. */
    private static final int CHUNK_TRANSACTION_TIMEOUT = 180;

    @Inject
    StepContext step;

    @Inject
    @BatchProperty
    String items;

    private int count;

    @Override
    public int checkpointTimeout() {
        return CHUNK_TRANSACTION_TIMEOUT;
    }

    @Override
    public void beginCheckpoint() {
        count = 0;
    }

    @Override
    public boolean isReadyToCheckpoint() {
        count++;
        boolean endOfEndpoint = StepProgress.of(step).takeEndOfEndpoint();
        return endOfEndpoint || count >= Math.max(1, Integer.parseInt(items.trim()));
    }
}
