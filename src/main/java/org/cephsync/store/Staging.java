package org.cephsync.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;

/** The items a run fetched, kept per run and resource until the run completes. */
@ApplicationScoped
@Transactional
public class Staging {

    private static final int FLUSH_EVERY = 500;

    @PersistenceContext
    EntityManager em;

    /** Appends one endpoint's items after everything already staged for the resource. */
    public void stage(long instanceId, String resource, long endpointId, List<JsonObject> items) {
        long seq = em.createQuery("SELECT COALESCE(MAX(s.seq), 0) FROM StagedItem s WHERE s.instanceId = :instance AND s.resource = :resource", Long.class)
                .setParameter("instance", instanceId)
                .setParameter("resource", resource)
                .getSingleResult();
        int pending = 0;
        for (JsonObject item : items) {
            em.persist(new StagedItem(instanceId, resource, ++seq, endpointId, item.toString()));
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

    /** Up to {@code limit} items of one endpoint after {@code afterSeq}, in order. */
    public List<StagedItem> page(long instanceId, String resource, long endpointId, long afterSeq, int limit) {
        return em.createQuery("SELECT s FROM StagedItem s WHERE s.instanceId = :instance AND s.resource = :resource AND s.endpointId = :endpoint AND s.seq > :after ORDER BY s.seq", StagedItem.class)
                .setParameter("instance", instanceId)
                .setParameter("resource", resource)
                .setParameter("endpoint", endpointId)
                .setParameter("after", afterSeq)
                .setMaxResults(limit)
                .getResultList();
    }

    public void purge(long instanceId) {
        em.createQuery("DELETE FROM StagedItem s WHERE s.instanceId = :instance")
                .setParameter("instance", instanceId)
                .executeUpdate();
    }
}
