package org.cephsync.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.cephsync.inventory.CephCluster;
import org.cephsync.inventory.CephFilesystem;
import org.cephsync.inventory.CephHealthCheck;
import org.cephsync.inventory.CephPool;
import org.cephsync.inventory.ClusterMember;
import org.cephsync.inventory.InventoryJson;
import org.cephsync.inventory.InventoryModel;
import org.cephsync.inventory.InventoryRow;

/**
 * Writes mapped rows into the inventory as upserts by natural key, inside the caller's transaction (a
 * chunk's). A row whose content did not change is not written at all; replaying a chunk after a failure
 * finds its rows and creates no duplicate.
 */
@ApplicationScoped
@Transactional
public class InventoryStore {

    private static final int SWEEP_PAGE = 500;

    @PersistenceContext
    EntityManager em;

    /** Upserts the rows of one chunk (any mix of models and endpoints). */
    public WriteCounts write(List<InventoryRow> rows, Instant now) {
        long created = 0;
        long updated = 0;
        long unchanged = 0;
        Map<Long, Long> clusterOfEndpoint = new HashMap<>();
        for (List<InventoryRow> group : groupByModelAndEndpoint(rows)) {
            Map<String, InventoryRow> existing = existing(group);
            for (InventoryRow row : group) {
                resolveReferences(row, clusterOfEndpoint);
                InventoryRow current = existing.get(row.naturalKey());
                if (current == null) {
                    row.setCreated(now);
                    row.setLastUpdated(now);
                    row.setLastSeenAt(now);
                    if (row instanceof CephHealthCheck check) {
                        check.setFirstSeenAt(now);
                    }
                    em.persist(row);
                    existing.put(row.naturalKey(), row);
                    if (row instanceof CephCluster cluster) {
                        clusterOfEndpoint.put(cluster.getEndpoint(), cluster.getId());
                    }
                    created++;
                } else if (InventoryJson.content(current).equals(InventoryJson.content(row))) {
                    unchanged++;
                } else {
                    row.setId(current.getId());
                    row.setCreated(current.getCreated());
                    row.setLastUpdated(now);
                    row.setLastSeenAt(now);
                    if (row instanceof CephHealthCheck check) {
                        check.setFirstSeenAt(((CephHealthCheck) current).getFirstSeenAt());
                    }
                    existing.put(row.naturalKey(), em.merge(row));
                    updated++;
                }
            }
        }
        return new WriteCounts(0, created, updated, 0, unchanged);
    }

    /**
     * Deletes the rows of a model on one endpoint whose natural key is not among those just read whole.
     * Only called after a complete, successful read of that endpoint.
     */
    public long sweep(long endpointId, InventoryModel model, Set<String> keep) {
        List<InventoryRow> gone = new ArrayList<>();
        long lastId = 0;
        while (true) {
            List<? extends InventoryRow> page = em.createQuery("SELECT r FROM " + model.entityName()
                            + " r WHERE r.endpoint = :endpoint AND r.id > :after ORDER BY r.id", model.entity())
                    .setParameter("endpoint", endpointId)
                    .setParameter("after", lastId)
                    .setMaxResults(SWEEP_PAGE)
                    .getResultList();
            if (page.isEmpty()) {
                break;
            }
            for (InventoryRow row : page) {
                if (!keep.contains(row.naturalKey())) {
                    gone.add(row);
                }
            }
            lastId = page.get(page.size() - 1).getId();
            em.clear();
        }
        for (InventoryRow row : gone) {
            InventoryRow managed = em.find(model.entity(), row.getId());
            if (managed != null) {
                em.remove(managed);
            }
        }
        return gone.size();
    }

    private static List<List<InventoryRow>> groupByModelAndEndpoint(List<InventoryRow> rows) {
        Map<String, List<InventoryRow>> groups = new LinkedHashMap<>();
        for (InventoryRow row : rows) {
            groups.computeIfAbsent(row.getClass().getName() + "@" + row.getEndpoint(), k -> new ArrayList<>()).add(row);
        }
        return new ArrayList<>(groups.values());
    }

    /** The stored rows matching a group's natural keys, by natural key: one query per group. */
    private Map<String, InventoryRow> existing(List<InventoryRow> group) {
        InventoryModel model = InventoryModel.of(group.get(0));
        List<Object> lookups = group.stream().map(model::lookupValue).distinct().collect(Collectors.toList());
        List<? extends InventoryRow> found = em.createQuery("SELECT r FROM " + model.entityName() + " r WHERE r.endpoint = :endpoint AND r."
                        + model.lookupAttribute() + " IN :values", model.entity())
                .setParameter("endpoint", group.get(0).getEndpoint())
                .setParameter("values", lookups)
                .getResultList();
        return found.stream().collect(Collectors.toMap(InventoryRow::naturalKey, Function.identity(), (a, b) -> a, HashMap::new));
    }

    private void resolveReferences(InventoryRow row, Map<Long, Long> clusterOfEndpoint) {
        if (row instanceof ClusterMember member) {
            member.setCluster(clusterOfEndpoint.computeIfAbsent(row.getEndpoint(), this::clusterId));
        }
        if (row instanceof CephFilesystem fs && fs.getMetadataPoolName() != null) {
            fs.setMetadataPool(em.createQuery("SELECT p.id FROM CephPool p WHERE p.endpoint = :endpoint AND p.name = :name", Long.class)
                    .setParameter("endpoint", fs.getEndpoint())
                    .setParameter("name", fs.getMetadataPoolName())
                    .getResultStream().findFirst().orElse(null));
        }
    }

    private Long clusterId(Long endpoint) {
        return em.createQuery("SELECT c.id FROM CephCluster c WHERE c.endpoint = :endpoint ORDER BY c.id", Long.class)
                .setParameter("endpoint", endpoint)
                .setMaxResults(1)
                .getResultStream().findFirst().orElse(null);
    }
}
