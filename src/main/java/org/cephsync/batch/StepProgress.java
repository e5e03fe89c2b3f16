package org.cephsync.batch;

import jakarta.batch.runtime.context.StepContext;
import java.util.ArrayList;
import java.util.List;

/**
 * What the artifacts of one step context tell each other, kept as its transient data: in a partition, the
 * first failure any of them saw (the batch runtime does not pass every failure on to the listeners: STACK.md,
 * pitfall 14); at the step's level, the reasons its failed partitions gave ({@link PartitionOutcomes}).
 */
final class StepProgress {

    /** How much of a reason a partition's exit status carries (the job repositories keep 512 characters). */
    static final int EXIT_STATUS_LIMIT = 500;

    private final StepContext step;
    private Throwable failure;
    private final List<String> partitionFailures = new ArrayList<>();

    private StepProgress(StepContext step) {
        this.step = step;
    }

    static StepProgress of(StepContext step) {
        if (step.getTransientUserData() instanceof StepProgress progress) {
            return progress;
        }
        StepProgress progress = new StepProgress(step);
        step.setTransientUserData(progress);
        return progress;
    }

    /**
     * Keeps the first failure, and gives its reason as the partition's exit status: that is what the batch
     * runtime hands the step's level of a partition that ended ({@link PartitionOutcomes}).
     */
    void failed(Throwable t) {
        if (failure == null) {
            failure = t;
            String reason = FailureReason.of(t);
            step.setExitStatus(reason.length() <= EXIT_STATUS_LIMIT ? reason : reason.substring(0, EXIT_STATUS_LIMIT - 3) + "...");
        }
    }

    Throwable failure() {
        return failure;
    }

    void partitionFailed(String reason) {
        if (!partitionFailures.contains(reason)) {
            partitionFailures.add(reason);
        }
    }

    List<String> partitionFailures() {
        return List.copyOf(partitionFailures);
    }
}
