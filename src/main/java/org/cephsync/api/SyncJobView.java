package org.cephsync.api;

import jakarta.batch.runtime.JobExecution;
import jakarta.batch.runtime.Metric;
import jakarta.batch.runtime.StepExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.Arrays;
import java.util.Date;
import java.util.Optional;
import org.cephsync.batch.SyncJobs;
import org.cephsync.store.Branches;
import org.cephsync.store.SyncRun;
import org.cephsync.store.SyncRuns;
import org.cephsync.store.SyncStage;
import org.cephsync.inventory.JsonText;

/** A job as the admin API shows it: the batch execution, its steps, and the run's ceph_sync document. */
@ApplicationScoped
public class SyncJobView {

    @Inject
    SyncJobs jobs;

    @Inject
    SyncRuns runs;

    @Inject
    Branches branches;

    public JsonObject of(JobExecution execution) {
        long executionId = execution.getExecutionId();
        long instanceId = jobs.instanceId(executionId);
        JsonObjectBuilder job = JsonText.json().createObjectBuilder()
                .add("id", executionId)
                .add("instance_id", instanceId)
                .add("name", execution.getJobName())
                .add("status", execution.getBatchStatus().name());
        add(job, "exit_status", execution.getExitStatus());
        add(job, "created", execution.getCreateTime());
        add(job, "started", execution.getStartTime());
        add(job, "completed", execution.getEndTime());
        job.add("branch", branch(instanceId));
        JsonArrayBuilder steps = JsonText.json().createArrayBuilder();
        for (StepExecution step : jobs.steps(executionId)) {
            JsonObjectBuilder s = JsonText.json().createObjectBuilder()
                    .add("name", step.getStepName())
                    .add("status", step.getBatchStatus().name())
                    .add("read", metric(step, Metric.MetricType.READ_COUNT))
                    .add("written", metric(step, Metric.MetricType.WRITE_COUNT))
                    .add("skipped", metric(step, Metric.MetricType.READ_SKIP_COUNT)
                            + metric(step, Metric.MetricType.PROCESS_SKIP_COUNT)
                            + metric(step, Metric.MetricType.WRITE_SKIP_COUNT))
                    .add("rollbacks", metric(step, Metric.MetricType.ROLLBACK_COUNT));
            add(s, "started", step.getStartTime());
            add(s, "ended", step.getEndTime());
            steps.add(s);
        }
        job.add("steps", steps);
        job.add("data", JsonText.json().createObjectBuilder().add("ceph_sync", cephSync(instanceId)));
        return job.build();
    }

    private JsonValue branch(long instanceId) {
        return runs.find(instanceId).map(SyncRun::getBranchSchemaId).flatMap(branches::bySchemaId)
                .<JsonValue>map(b -> JsonText.json().createObjectBuilder().add("id", b.getId()).add("name", b.getName())
                        .add("schema_id", b.getSchemaId()).add("status", b.getStatus()).build())
                .orElse(JsonValue.NULL);
    }

    private JsonObject cephSync(long instanceId) {
        Optional<SyncRun> found = runs.find(instanceId);
        JsonObjectBuilder doc = JsonText.json().createObjectBuilder();
        JsonObjectBuilder params = JsonText.json().createObjectBuilder();
        JsonArrayBuilder stages = JsonText.json().createArrayBuilder();
        if (found.isPresent()) {
            SyncRun run = found.get();
            JsonArrayBuilder resources = JsonText.json().createArrayBuilder();
            Arrays.stream(run.getResources().split(",")).filter(r -> !r.isBlank()).forEach(resources::add);
            params.add("resources", resources);
            add(params, "netbox_branch_schema_id", run.getBranchSchemaId());
            doc.add("runtime_seconds", run.getRuntimeSeconds());
            add(doc, "error", run.getError());
            for (SyncStage stage : runs.stages(instanceId)) {
                stages.add(stage(stage));
            }
        } else {
            params.add("resources", JsonText.json().createArrayBuilder());
            params.addNull("netbox_branch_schema_id");
            doc.add("runtime_seconds", 0);
        }
        return doc.add("params", params)
                .add("response", JsonText.json().createObjectBuilder().add("stages", stages))
                .build();
    }

    private static JsonObject stage(SyncStage stage) {
        JsonObjectBuilder s = JsonText.json().createObjectBuilder()
                .add("resource", stage.getResource())
                .add("status", stage.getStatus())
                .add("runtime_seconds", stage.getRuntimeSeconds());
        if (!SyncStage.SKIPPED.equals(stage.getStatus())) {
            s.add("response", JsonText.json().createObjectBuilder()
                    .add("fetched", stage.getFetched())
                    .add("created", stage.getCreated())
                    .add("updated", stage.getUpdated())
                    .add("deleted", stage.getDeleted())
                    .add("unchanged", stage.getUnchanged())
                    .add("endpoints", endpoints(stage)));
        }
        add(s, "error", stage.getError());
        return s.build();
    }

    private static JsonArrayBuilder endpoints(SyncStage stage) {
        JsonArrayBuilder list = JsonText.json().createArrayBuilder();
        stage.endpointOutcomes().forEach(o -> list.add(o.toJson()));
        return list;
    }

    private static long metric(StepExecution step, Metric.MetricType type) {
        Metric[] metrics = step.getMetrics();
        if (metrics == null) {
            return 0;
        }
        return Arrays.stream(metrics).filter(m -> m.getType() == type).mapToLong(Metric::getValue).sum();
    }

    private static void add(JsonObjectBuilder json, String name, Object value) {
        if (value == null) {
            json.addNull(name);
        } else if (value instanceof Date date) {
            json.add(name, date.toInstant().toString());
        } else {
            json.add(name, value.toString());
        }
    }
}
