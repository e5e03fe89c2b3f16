package org.cephsync.batch;

import jakarta.batch.api.chunk.listener.AbstractChunkListener;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Keeps the first failure of a chunk (read, process, write or commit) for the stage's error. */
@Named
@Dependent
public class ResourceChunkListener extends AbstractChunkListener {

    @Inject
    StepContext step;

    @Override
    public void onError(Exception e) {
        StepProgress.of(step).failed(e);
    }
}
