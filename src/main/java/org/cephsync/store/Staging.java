package org.cephsync.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The items a run fetched, kept per run and resource until the run completes. */
@ApplicationScoped
@Transactional
public class Staging {

    private static final int FLUSH_EVERY = 500;

    @PersistenceContext
    EntityManager em;

    /** An item to stage, with the model and natural key of the row it maps to. */
    public record Item(String model, String naturalKey, JsonObject body) {
    }

    /** Appends one endpoint's items after everything already staged for the resource. */
    public void stage(long instanceId, String resource, long endpointId, List<Item> items) {
        long seq = em.createQuery("SELECT COALESCE(MAX(s.seq), 0) FROM StagedItem s WHERE s.instanceId = :instance AND s.resource = :resource", Long.class)
                .setParameter("instance", instanceId)
                .setParameter("resource", resource)
                .getSingleResult();
        int pending = 0;
        for (Item item : items) {
            em.persist(new StagedItem(instanceId, resource, ++seq, endpointId, item.model(), item.naturalKey(), item.body().toString()));
            if (++pending % FLUSH_EVERY == 0) {
                em.flush();
                em.clear();
            }
        }
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

    public void purge(long instanceId) {
        em.createQuery("DELETE FROM StagedItem s WHERE s.instanceId = :instance")
                .setParameter("instance", instanceId)
                .executeUpdate();
    }
}
