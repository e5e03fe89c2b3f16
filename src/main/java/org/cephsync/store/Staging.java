package org.cephsync.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.cephsync.source.EndpointInfo;

/**
 * The items a run fetched, kept per run, resource and endpoint while the run can still be restarted: a
 * restart maps exactly the data the first execution read. Each endpoint's items are followed by an end
 * mark, staged in the same transaction, so the reader can tell where an endpoint's read ends (the point
 * where its deletions are reflected).
 */
@ApplicationScoped
@TransactionBoundary
public class Staging {

    private static final int FLUSH_EVERY = 500;

    @PersistenceContext
    EntityManager em;

    /** An item to stage, with the model and natural key of the row it maps to. */
    public record Item(String model, String naturalKey, JsonObject body) {
    }

    /**
     * Appends one endpoint's items, and its end mark, after everything already staged for the resource, and
     * records the endpoint as fetched, in one transaction.
     */
    public void stage(long instanceId, String resource, EndpointInfo endpoint, List<Item> items) {
        long seq = em.createQuery("SELECT COALESCE(MAX(s.seq), 0) FROM StagedItem s WHERE s.instanceId = :instance AND s.resource = :resource", Long.class)
                .setParameter("instance", instanceId)
                .setParameter("resource", resource)
                .getSingleResult();
        int pending = 0;
        for (Item item : items) {
            em.persist(new StagedItem(instanceId, resource, ++seq, endpoint.id(), item.model(), item.naturalKey(), item.body().toString()));
            if (++pending % FLUSH_EVERY == 0) {
                em.flush();
                em.clear();
            }
        }
        em.persist(StagedItem.endOf(instanceId, resource, ++seq, endpoint.id()));
        SyncStage stage = SyncStage.locked(em, instanceId, resource);
        stage.record(EndpointOutcome.fetched(endpoint.id(), endpoint.name(), items.size()));
        stage.count(WriteCounts.fetched(items.size()));
    }

    /** Records that an endpoint could not be read (nothing of it is staged); a restart reads it again. */
    public void failed(long instanceId, String resource, EndpointInfo endpoint, String reason) {
        SyncStage.locked(em, instanceId, resource).record(EndpointOutcome.failed(endpoint.id(), endpoint.name(), reason));
    }

    /** Up to {@code limit} items after {@code afterSeq}, in order. */
    public List<StagedItem> page(long instanceId, String resource, long afterSeq, int limit) {
        return em.createQuery("SELECT s FROM StagedItem s WHERE s.instanceId = :instance AND s.resource = :resource AND s.seq > :after ORDER BY s.seq", StagedItem.class)
                .setParameter("instance", instanceId)
                .setParameter("resource", resource)
                .setParameter("after", afterSeq)
                .setMaxResults(limit)
                .getResultList();
    }

    /** The natural keys of one model's rows staged for one endpoint: what a complete read of it lists. */
    public Set<String> naturalKeys(long instanceId, String resource, long endpointId, String model) {
        return new HashSet<>(em.createQuery("SELECT s.naturalKey FROM StagedItem s WHERE s.instanceId = :instance AND s.resource = :resource AND s.endpointId = :endpoint AND s.model = :model", String.class)
                .setParameter("instance", instanceId)
                .setParameter("resource", resource)
                .setParameter("endpoint", endpointId)
                .setParameter("model", model)
                .getResultList());
    }

    /** How many items (end marks aside) are staged for one endpoint of one resource. */
    public long count(long instanceId, String resource, long endpointId) {
        return em.createQuery("SELECT COUNT(s) FROM StagedItem s WHERE s.instanceId = :instance AND s.resource = :resource AND s.endpointId = :endpoint AND s.model <> :end", Long.class)
                .setParameter("instance", instanceId)
                .setParameter("resource", resource)
                .setParameter("endpoint", endpointId)
                .setParameter("end", StagedItem.END)
                .getSingleResult();
    }

    /** Drops a run's staged data (it completed). */
    public int purge(long instanceId) {
        return em.createQuery("DELETE FROM StagedItem s WHERE s.instanceId = :instance")
                .setParameter("instance", instanceId)
                .executeUpdate();
    }

    /**
     * Drops what older runs staged for resources and endpoints that a newer run has now synced completely:
     * replaying it would write older data over newer rows.
     */
    public int purgeSupersededBy(long instanceId, Collection<String> resources, Collection<Long> endpointIds) {
        if (resources.isEmpty() || endpointIds.isEmpty()) {
            return 0;
        }
        return em.createQuery("DELETE FROM StagedItem s WHERE s.instanceId < :instance AND s.resource IN :resources AND s.endpointId IN :endpoints")
                .setParameter("instance", instanceId)
                .setParameter("resources", resources)
                .setParameter("endpoints", endpointIds)
                .executeUpdate();
    }

    /** Drops the staged data of runs opened before {@code cutoff} ({@code ceph-sync.staging.retention}). */
    public int purgeRunsOpenedBefore(Instant cutoff) {
        return em.createQuery("DELETE FROM StagedItem s WHERE s.instanceId IN (SELECT r.instanceId FROM SyncRun r WHERE r.created < :cutoff)")
                .setParameter("cutoff", cutoff)
                .executeUpdate();
    }
}
