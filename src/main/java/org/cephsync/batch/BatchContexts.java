package org.cephsync.batch;

import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import java.time.Duration;
import org.cephsync.resource.CephResource;

/** What the artifacts of a step share: each step is named after the resource it syncs. */
final class BatchContexts {

    private BatchContexts() {
    }

    static CephResource resource(StepContext step) {
        return CephResource.byWireName(step.getStepName()).orElseThrow(() -> new IllegalStateException(
                "step " + step.getStepName() + " is not named after a resource (" + CephResource.validNames() + ")"));
    }

    /** The execution's clock, set by the job listener; a fresh one if the listener did not run. */
    static RunClock clock(JobContext job) {
        if (job.getTransientUserData() instanceof RunClock clock) {
            return clock;
        }
        RunClock clock = RunClock.startingNow(Duration.ofHours(2));
        job.setTransientUserData(clock);
        return clock;
    }
}
