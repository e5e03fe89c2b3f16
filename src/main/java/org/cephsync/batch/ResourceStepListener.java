package org.cephsync.batch;

import jakarta.batch.api.listener.StepListener;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.cephsync.mapping.CephResource;
import org.cephsync.store.EndpointOutcome;
import org.cephsync.store.SyncRuns;
import org.cephsync.store.SyncStage;

/**
 * Keeps a resource's stage up to date around its step. After a step that wrote everything it read (the
 * reader fails the step when an endpoint could not be read), it reflects deletions for each endpoint.
 */
@Named
@Dependent
public class ResourceStepListener implements StepListener {

    private static final Logger LOG = Logger.getLogger(ResourceStepListener.class.getName());

    @Inject
    JobContext job;

    @Inject
    StepContext step;

    @Inject
    SyncRuns runs;

    @Inject
    Reflection reflection;

    private Instant started;

    @Override
    public void beforeStep() {
        started = Instant.now();
        SyncStage stage = runs.stage(job.getInstanceId(), step.getStepName());
        if (!SyncStage.SKIPPED.equals(stage.getStatus())) {
            runs.setStatus(job.getInstanceId(), step.getStepName(), SyncStage.RUNNING, null);
        }
    }

    @Override
    public void afterStep() {
        long instanceId = job.getInstanceId();
        CephResource resource = BatchContexts.resource(step);
        if (SyncStage.SKIPPED.equals(runs.stage(instanceId, resource.wireName()).getStatus())) {
            return;
        }
        runs.addRuntime(instanceId, resource.wireName(), Duration.between(started, Instant.now()).toMillis() / 1000.0);
        Exception failure = step.getException();
        if (failure != null) {
            String reason = reason(failure);
            LOG.log(Level.WARNING, "ceph-sync run " + instanceId + ", stage " + resource.wireName() + " failed: " + reason);
            runs.setStatus(instanceId, resource.wireName(), SyncStage.ERROR, reason);
            return;
        }
        for (EndpointOutcome outcome : runs.endpoints(instanceId, resource.wireName())) {
            if (outcome.ok()) {
                reflection.sweep(instanceId, resource, outcome.id());
            }
        }
        runs.setStatus(instanceId, resource.wireName(), SyncStage.OK, null);
    }

    /**
     * The most telling message of a failure: the outermost one of our own exceptions (they name what was
     * asked of whom and include the cause), else the deepest message there is.
     */
    static String reason(Throwable failure) {
        String deepest = failure.getClass().getSimpleName();
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            boolean said = t.getMessage() != null && !t.getMessage().isBlank();
            if (said && t.getClass().getName().startsWith("org.cephsync.")) {
                return t.getMessage();
            }
            if (said) {
                deepest = t.getMessage();
            }
        }
        return deepest;
    }
}
