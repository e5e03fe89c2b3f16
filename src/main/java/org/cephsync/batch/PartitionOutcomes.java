package org.cephsync.batch;

import jakarta.batch.api.partition.AbstractPartitionAnalyzer;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * At the step's level, as each partition ends: a failed partition's reason (its exit status, see
 * {@link StepProgress#failed}) is kept for the stage's error.
 */
@Named
@Dependent
public class PartitionOutcomes extends AbstractPartitionAnalyzer {

    @Inject
    StepContext step;

    @Override
    public void analyzeStatus(BatchStatus status, String exitStatus) {
        if (status == BatchStatus.FAILED && exitStatus != null && !exitStatus.isBlank() && !exitStatus.equals(status.name())) {
            StepProgress.of(step).partitionFailed(exitStatus);
        }
    }
}
