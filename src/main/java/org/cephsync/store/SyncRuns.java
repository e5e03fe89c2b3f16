package org.cephsync.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.cephsync.inventory.JsonText;
import org.cephsync.inventory.ProxmoxEndpoint;
import org.cephsync.mapping.CephResource;
import org.cephsync.source.EndpointInfo;

/** The runs' {@code ceph_sync} documents and their stages, persisted as the job goes. */
@ApplicationScoped
@Transactional
public class SyncRuns {

    @PersistenceContext
    EntityManager em;

    public Optional<SyncRun> find(long instanceId) {
        return Optional.ofNullable(em.find(SyncRun.class, instanceId));
    }

    /** Opens the document of a new run: each resource gets a stage, pending if requested, skipped if not. */
    public SyncRun open(long instanceId, Set<CephResource> requested, Instant now) {
        SyncRun run = new SyncRun(instanceId, String.join(",", requested.stream().map(CephResource::wireName).toList()), now);
        em.persist(run);
        for (CephResource resource : CephResource.values()) {
            em.persist(new SyncStage(instanceId, resource.wireName(), resource.ordinal(),
                    requested.contains(resource) ? SyncStage.PENDING : SyncStage.SKIPPED));
        }
        return run;
    }

    /** Records the endpoints in scope of a run (and mirrors the endpoint directory); fixed from then on. */
    public void fixScope(long instanceId, List<EndpointInfo> scope) {
        JsonArrayBuilder endpoints = Json.createArrayBuilder();
        for (EndpointInfo e : scope) {
            endpoints.add(Json.createObjectBuilder().add("id", e.id()).add("name", e.name()));
            em.merge(new ProxmoxEndpoint(e.id(), e.name(), e.domain(), e.ipAddress(), e.port()));
        }
        SyncRun run = em.find(SyncRun.class, instanceId);
        run.setEndpointScope(endpoints.build().toString());
        run.setError(null);
    }

    public void useBranch(long instanceId, String schemaId) {
        em.find(SyncRun.class, instanceId).setBranchSchemaId(schemaId);
    }

    /** A run that failed before its stages: the reason goes on the run and on every stage still to do. */
    public void failRun(long instanceId, String reason) {
        em.find(SyncRun.class, instanceId).setError(reason);
        for (SyncStage stage : stages(instanceId)) {
            if (SyncStage.PENDING.equals(stage.getStatus())) {
                stage.setStatus(SyncStage.ERROR);
                stage.setError(reason);
            }
        }
    }

    /** Stages an execution left running (stopped, or failed outside a step) are errors until a restart. */
    public void interruptRunningStages(long instanceId) {
        for (SyncStage stage : stages(instanceId)) {
            if (SyncStage.RUNNING.equals(stage.getStatus())) {
                stage.setStatus(SyncStage.ERROR);
                stage.setError("the execution ended before this stage finished (stopped or interrupted); restart the run to finish it");
            }
        }
    }

    /** The endpoints in scope of a run, fixed when it opened. */
    public List<EndpointInfo> scope(long instanceId) {
        List<EndpointInfo> scope = new ArrayList<>();
        for (JsonValue value : JsonText.parseArray(em.find(SyncRun.class, instanceId).getEndpointScope())) {
            JsonObject e = value.asJsonObject();
            scope.add(new EndpointInfo(e.getJsonNumber("id").longValue(), e.getString("name"), null, null, null));
        }
        return scope;
    }

    public List<SyncStage> stages(long instanceId) {
        return em.createQuery("SELECT s FROM SyncStage s WHERE s.instanceId = :instance ORDER BY s.position", SyncStage.class)
                .setParameter("instance", instanceId)
                .getResultList();
    }

    public SyncStage stage(long instanceId, String resource) {
        return em.createQuery("SELECT s FROM SyncStage s WHERE s.instanceId = :instance AND s.resource = :resource", SyncStage.class)
                .setParameter("instance", instanceId)
                .setParameter("resource", resource)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getSingleResult();
    }

    public void setStatus(long instanceId, String resource, String status, String error) {
        SyncStage stage = stage(instanceId, resource);
        stage.setStatus(status);
        stage.setError(error);
    }

    public void count(long instanceId, String resource, WriteCounts counts) {
        stage(instanceId, resource).count(counts);
    }

    public void addRuntime(long instanceId, String resource, double seconds) {
        stage(instanceId, resource).addRuntime(seconds);
    }

    public void addRunRuntime(long instanceId, double seconds) {
        SyncRun run = em.find(SyncRun.class, instanceId);
        if (run != null) {
            run.addRuntime(seconds);
        }
    }

    public void setRunError(long instanceId, String error) {
        SyncRun run = em.find(SyncRun.class, instanceId);
        if (run != null) {
            run.setError(error);
        }
    }

    /** Records endpoints' outcomes, replacing earlier outcomes of the same endpoints. */
    public void recordEndpoints(long instanceId, String resource, List<EndpointOutcome> outcomes) {
        SyncStage stage = stage(instanceId, resource);
        List<EndpointOutcome> merged = new ArrayList<>(EndpointOutcome.fromText(stage.getEndpoints()));
        for (EndpointOutcome outcome : outcomes) {
            merged.removeIf(o -> o.id() == outcome.id());
            merged.add(outcome);
            if (outcome.ok()) {
                stage.count(WriteCounts.fetched(outcome.fetched()));
            }
        }
        stage.setEndpoints(EndpointOutcome.toText(merged));
    }

    public List<EndpointOutcome> endpoints(long instanceId, String resource) {
        return EndpointOutcome.fromText(stage(instanceId, resource).getEndpoints());
    }
}
