package org.cephsync.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.cephsync.inventory.JsonText;
import org.cephsync.inventory.ProxmoxEndpoint;
import org.cephsync.inventory.ProxmoxObjects;
import org.cephsync.resource.CephResource;
import org.cephsync.source.EndpointInfo;

/** The runs' {@code ceph_sync} documents and their stages, persisted as the job goes. */
@ApplicationScoped
@TransactionBoundary
public class SyncRuns {

    private static final String PROXMOX_NODES = "proxmox_nodes";
    private static final String PROXMOX_CLUSTERS = "proxmox_clusters";

    @PersistenceContext
    EntityManager em;

    public Optional<SyncRun> find(long instanceId) {
        return Optional.ofNullable(em.find(SyncRun.class, instanceId));
    }

    /**
     * Opens the document of a new run on this server: each resource gets a stage, pending if requested,
     * skipped if not.
     */
    public SyncRun open(long instanceId, Set<CephResource> requested, Instant now, String server) {
        SyncRun run = new SyncRun(instanceId, String.join(",", requested.stream().map(CephResource::wireName).toList()), now);
        run.setServerName(server);
        em.persist(run);
        for (CephResource resource : CephResource.values()) {
            em.persist(new SyncStage(instanceId, resource.wireName(), resource.ordinal(),
                    requested.contains(resource) ? SyncStage.PENDING : SyncStage.SKIPPED));
        }
        return run;
    }

    private static JsonObject ids(Map<String, Long> byName) {
        JsonObjectBuilder ids = JsonText.json().createObjectBuilder();
        byName.forEach(ids::add);
        return ids.build();
    }

    private static Map<String, Long> ids(JsonObject byName) {
        Map<String, Long> ids = new HashMap<>();
        byName.forEach((name, id) -> ids.put(name, ((JsonNumber) id).longValue()));
        return ids;
    }

    /** Records the endpoints in scope of a run (and mirrors the endpoint directory); fixed from then on. */
    public void fixScope(long instanceId, List<EndpointInfo> scope) {
        JsonArrayBuilder endpoints = JsonText.json().createArrayBuilder();
        for (EndpointInfo e : scope) {
            JsonObjectBuilder endpoint = JsonText.json().createObjectBuilder().add("id", e.id()).add("name", e.name());
            if (!e.proxmox().isEmpty()) {
                endpoint.add(PROXMOX_NODES, ids(e.proxmox().nodes())).add(PROXMOX_CLUSTERS, ids(e.proxmox().clusters()));
            }
            endpoints.add(endpoint);
            em.merge(new ProxmoxEndpoint(e.id(), e.name(), e.domain(), e.ipAddress(), e.port()));
        }
        SyncRun run = em.find(SyncRun.class, instanceId);
        run.setEndpointScope(endpoints.build().toString());
        run.setError(null);
    }

    /** Records that a restart of the run runs on this server (which then recovers it after a crash). */
    public void resumeOn(long instanceId, String server) {
        em.find(SyncRun.class, instanceId).setServerName(server);
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

    /**
     * Closes the stages an execution left running: {@code stopped} when it was stopped, else {@code error}
     * (it failed outside a step, or the server died); a restart finishes them.
     */
    public void closeRunningStages(long instanceId, boolean stopped) {
        for (SyncStage stage : stages(instanceId)) {
            if (SyncStage.RUNNING.equals(stage.getStatus())) {
                stage.setStatus(stopped ? SyncStage.STOPPED : SyncStage.ERROR);
                stage.setError(stopped ? "the run was stopped before this stage finished; restart the run to finish it"
                        : "the execution ended before this stage finished (interrupted); restart the run to finish it");
            }
        }
    }

    /**
     * Ends an execution of a run in one transaction: adds its runtime, closes the stages it left running (see
     * {@link #closeRunningStages}) and marks the run finished when every requested stage is done.
     *
     * @return whether the run is finished (its staged data is then no longer needed)
     */
    public boolean endExecution(long instanceId, double seconds, boolean stopped, Instant now) {
        SyncRun run = em.find(SyncRun.class, instanceId);
        if (run == null) {
            return false;
        }
        run.addRuntime(seconds);
        closeRunningStages(instanceId, stopped);
        boolean done = stages(instanceId).stream().allMatch(SyncStage::isDone);
        if (done && run.getFinished() == null) {
            run.setFinished(now);
        }
        return done;
    }

    /**
     * A newer run that finished a resource this run has not, on an endpoint in this run's scope: this run's
     * staged data for it is older than the inventory now.
     */
    public Optional<Long> supersededBy(long instanceId) {
        SyncRun run = em.find(SyncRun.class, instanceId);
        if (run == null || run.getEndpointScope() == null) {
            return Optional.empty();
        }
        Set<String> unfinished = stages(instanceId).stream().filter(s -> !s.isDone()).map(SyncStage::getResource).collect(Collectors.toSet());
        Set<Long> scope = scopeIds(run);
        return em.createQuery("SELECT r FROM SyncRun r WHERE r.instanceId > :instance AND r.finished IS NOT NULL ORDER BY r.instanceId", SyncRun.class)
                .setParameter("instance", instanceId)
                .getResultStream()
                .filter(newer -> newer.getEndpointScope() != null
                        && List.of(newer.getResources().split(",")).stream().anyMatch(unfinished::contains)
                        && scopeIds(newer).stream().anyMatch(scope::contains))
                .map(SyncRun::getInstanceId)
                .findFirst();
    }

    private static Set<Long> scopeIds(SyncRun run) {
        return scopeOf(run).stream().map(EndpointInfo::id).collect(Collectors.toSet());
    }

    /** The endpoints in scope of a run, fixed when it opened. */
    public List<EndpointInfo> scope(long instanceId) {
        return scopeOf(em.find(SyncRun.class, instanceId));
    }

    private static List<EndpointInfo> scopeOf(SyncRun run) {
        List<EndpointInfo> scope = new ArrayList<>();
        for (JsonValue value : JsonText.parseArray(run.getEndpointScope())) {
            JsonObject e = value.asJsonObject();
            ProxmoxObjects proxmox = e.containsKey(PROXMOX_NODES)
                    ? new ProxmoxObjects(ids(e.getJsonObject(PROXMOX_NODES)), ids(e.getJsonObject(PROXMOX_CLUSTERS)))
                    : ProxmoxObjects.NONE;
            scope.add(new EndpointInfo(e.getJsonNumber("id").longValue(), e.getString("name"), null, null, null, proxmox));
        }
        return scope;
    }

    public List<SyncStage> stages(long instanceId) {
        return em.createQuery("SELECT s FROM SyncStage s WHERE s.instanceId = :instance ORDER BY s.position", SyncStage.class)
                .setParameter("instance", instanceId)
                .getResultList();
    }

    /**
     * A stage as it is, to read: not locked, because H2 keeps a row lock as a change of the row and commits
     * it like a write (a chunk appended to its file), which a read has no reason to cost.
     */
    public SyncStage stage(long instanceId, String resource) {
        return SyncStage.find(em, instanceId, resource);
    }

    public void setStatus(long instanceId, String resource, String status, String error) {
        SyncStage stage = SyncStage.locked(em, instanceId, resource);
        stage.setStatus(status);
        stage.setError(error);
    }

    /** Ends a stage's step: its status and error, and the step's runtime added to the stage's. */
    public void endStage(long instanceId, String resource, double seconds, String status, String error) {
        SyncStage stage = SyncStage.locked(em, instanceId, resource);
        stage.addRuntime(seconds);
        stage.setStatus(status);
        stage.setError(error);
    }

    public void count(long instanceId, String resource, WriteCounts counts) {
        SyncStage.locked(em, instanceId, resource).count(counts);
    }

    public void setRunError(long instanceId, String error) {
        SyncRun run = em.find(SyncRun.class, instanceId);
        if (run != null) {
            run.setError(error);
        }
    }

    public List<EndpointOutcome> endpoints(long instanceId, String resource) {
        return stage(instanceId, resource).endpointOutcomes();
    }

    /** An endpoint's rows are all written and its deletions reflected: in the transaction of its last chunk. */
    public void completeEndpoint(long instanceId, String resource, long endpointId) {
        SyncStage stage = SyncStage.locked(em, instanceId, resource);
        stage.endpointOutcomes().stream().filter(o -> o.id() == endpointId).findFirst()
                .ifPresent(o -> stage.record(o.completed()));
    }
}
