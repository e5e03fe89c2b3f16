package org.cephsync.batch;

import jakarta.batch.operations.JobOperator;
import jakarta.batch.operations.NoSuchJobException;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.JobExecution;
import jakarta.batch.runtime.JobInstance;
import jakarta.batch.runtime.StepExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import org.cephsync.mapping.CephResource;
import org.cephsync.store.SyncRun;
import org.cephsync.store.SyncRuns;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Starting, restarting, stopping and looking up ceph-sync runs through the batch runtime. */
@ApplicationScoped
public class SyncJobs {

    @Inject
    SyncRuns runs;

    @Inject
    @ConfigProperty(name = "ceph-sync.chunk-size", defaultValue = "100")
    int chunkSize;

    private JobOperator operator() {
        return BatchRuntime.getJobOperator();
    }

    /** @return the new execution's id */
    public long start(Set<CephResource> resources, List<Long> endpointIds) {
        return operator().start(SyncParameters.JOB_NAME, SyncParameters.of(resources, endpointIds, chunkSize));
    }

    /** Restarts a failed or stopped run with the parameters it started with; @return the new execution's id */
    public long restart(long executionId) {
        long instanceId = operator().getJobInstance(executionId).getInstanceId();
        Properties asked = execution(executionId).getJobParameters();
        String resources = asked == null ? null : asked.getProperty(SyncParameters.RESOURCES);
        String endpoints = asked == null ? null : asked.getProperty(SyncParameters.ENDPOINTS);
        // the batch runtime forgets parameters: pass them again (endpoints too, in case the first
        // execution failed before it could fix the run's scope)
        return operator().restart(executionId, SyncParameters.of(
                SyncParameters.resources(runs.find(instanceId).map(SyncRun::getResources).orElse(resources)),
                List.copyOf(SyncParameters.endpointIds(endpoints)), chunkSize));
    }

    public void stop(long executionId) {
        operator().stop(executionId);
    }

    public JobExecution execution(long executionId) {
        JobExecution execution = operator().getJobExecution(executionId);
        if (!SyncParameters.JOB_NAME.equals(execution.getJobName())) {
            throw new jakarta.batch.operations.NoSuchJobExecutionException(String.valueOf(executionId));
        }
        return execution;
    }

    public long instanceId(long executionId) {
        return operator().getJobInstance(executionId).getInstanceId();
    }

    public List<StepExecution> steps(long executionId) {
        return operator().getStepExecutions(executionId);
    }

    public int runCount() {
        try {
            return operator().getJobInstanceCount(SyncParameters.JOB_NAME);
        } catch (NoSuchJobException none) {
            return 0;
        }
    }

    /** The latest execution of each run, newest run first. */
    public List<JobExecution> latestExecutions(int offset, int limit) {
        try {
            List<JobInstance> instances = operator().getJobInstances(SyncParameters.JOB_NAME, offset, limit);
            return instances.stream()
                    .map(this::latest)
                    .flatMap(Optional::stream)
                    .sorted(Comparator.comparingLong(JobExecution::getExecutionId).reversed())
                    .toList();
        } catch (NoSuchJobException none) {
            return List.of();
        }
    }

    private Optional<JobExecution> latest(JobInstance instance) {
        return operator().getJobExecutions(instance).stream().max(Comparator.comparingLong(JobExecution::getExecutionId));
    }
}
