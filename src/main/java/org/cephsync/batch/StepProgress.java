package org.cephsync.batch;

import jakarta.batch.runtime.context.StepContext;

/**
 * What the artifacts of one step execution tell each other, kept as the step context's transient data: that
 * the reader has just handed on an endpoint's end mark (the chunk ends there, see {@link EndpointCheckpoints}),
 * and the first failure any of them saw (the batch runtime does not pass every failure on to the step's
 * listeners: STACK.md, pitfall 14).
 */
final class StepProgress {

    private boolean endOfEndpoint;
    private Throwable failure;

    static StepProgress of(StepContext step) {
        if (step.getTransientUserData() instanceof StepProgress progress) {
            return progress;
        }
        StepProgress progress = new StepProgress();
        step.setTransientUserData(progress);
        return progress;
    }

    void endOfEndpoint() {
        endOfEndpoint = true;
    }

    /** Whether an end mark was handed on since the last call. */
    boolean takeEndOfEndpoint() {
        boolean was = endOfEndpoint;
        endOfEndpoint = false;
        return was;
    }

    void failed(Throwable t) {
        if (failure == null) {
            failure = t;
        }
    }

    Throwable failure() {
        return failure;
    }
}
