package org.cephsync.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IntSummaryStatistics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.cephsync.inventory.CephCluster;
import org.cephsync.inventory.CephFilesystem;
import org.cephsync.inventory.CephHealthCheck;
import org.cephsync.inventory.ClusterMember;
import org.cephsync.inventory.InventoryJson;
import org.cephsync.inventory.InventoryModel;
import org.cephsync.inventory.InventoryRow;

/**
 * Writes mapped rows as upserts by natural key, inside the caller's transaction (a chunk's), into main or
 * into a branch. A row whose content did not change is not written at all; replaying a chunk after a
 * failure finds its rows and creates no duplicate. In a branch, main is never touched: each row's change
 * is one consolidated {@link BranchChange}, and the row as the branch sees it is main overlaid with it.
 */
@ApplicationScoped
@TransactionBoundary
public class InventoryStore {

    @PersistenceContext
    EntityManager em;

    /** Upserts the rows of one chunk (any mix of models and endpoints). */
    public WriteCounts write(List<InventoryRow> rows, Instant now, WriteTarget target) {
        long created = 0;
        long updated = 0;
        long unchanged = 0;
        Map<Long, Long> clusterOfEndpoint = new HashMap<>();
        for (List<InventoryRow> group : groupByModelAndEndpoint(rows)) {
            InventoryModel model = InventoryModel.of(group.get(0));
            long endpoint = group.get(0).getEndpoint();
            Map<String, StoredRow> main = stored(model, endpoint, group);
            Map<String, BranchChange> changes = target.isBranch()
                    ? changes(target, model, endpoint, group.stream().map(InventoryRow::naturalKey).toList()) : new HashMap<>();
            for (InventoryRow row : group) {
                resolveReferences(row, clusterOfEndpoint, target);
                String key = row.naturalKey();
                String hash = InventoryJson.contentHash(row);
                BranchChange change = changes.get(key);
                StoredRow stored = main.get(key);
                if (change == null && stored != null && hash.equals(stored.contentHash())) {
                    unchanged++;
                    continue;
                }
                InventoryRow mainRow = stored == null ? null : em.find(model.entity(), stored.id());
                JsonObject current = change != null ? change.getModified()
                        : mainRow == null ? null : InventoryJson.toJson(mainRow);
                if (current != null && InventoryJson.content(current).equals(InventoryJson.content(row))) {
                    if (change == null) {
                        mainRow.setContentHash(hash);
                    }
                    unchanged++;
                    continue;
                }
                stamp(row, current, now);
                row.setContentHash(hash);
                if (target.isBranch()) {
                    changes.put(key, writeToBranch(target, model, row, mainRow, change, now));
                } else {
                    if (mainRow == null) {
                        em.persist(row);
                    } else {
                        em.merge(row);
                    }
                    main.put(key, new StoredRow(row.getId(), hash));
                }
                if (row instanceof CephCluster && current == null) {
                    clusterOfEndpoint.put(endpoint, row.getId());
                }
                if (current == null) {
                    created++;
                } else {
                    updated++;
                }
            }
        }
        return new WriteCounts(0, created, updated, 0, unchanged);
    }

    private BranchChange writeToBranch(WriteTarget target, InventoryModel model, InventoryRow row,
                                       InventoryRow mainRow, BranchChange change, Instant now) {
        if (change == null) {
            change = new BranchChange(target.branchId(), model.path(), row.getEndpoint(), row.naturalKey(),
                    mainRow == null ? BranchChange.CREATE : BranchChange.UPDATE, now);
            if (mainRow != null) {
                change.setOriginal(InventoryJson.toJson(mainRow));
                change.setObjectId(mainRow.getId());
            }
            em.persist(change);
            if (mainRow == null) {
                change.setObjectId(change.getId());
            }
        } else if (BranchChange.DELETE.equals(change.getAction())) {
            change.setAction(change.getOriginal() == null ? BranchChange.CREATE : BranchChange.UPDATE);
        }
        row.setId(change.getObjectId());
        change.setModified(InventoryJson.toJson(row), now);
        return change;
    }

    /** Ids and first-seen times survive an update; last_updated and last_seen_at move with content. */
    private static void stamp(InventoryRow row, JsonObject current, Instant now) {
        row.setLastUpdated(now);
        row.setLastSeenAt(now);
        if (current == null) {
            row.setCreated(now);
            if (row instanceof CephHealthCheck check) {
                check.setFirstSeenAt(now);
            }
            return;
        }
        row.setId(current.getJsonNumber("id").longValue());
        row.setCreated(instant(current, "created"));
        if (row instanceof CephHealthCheck check) {
            check.setFirstSeenAt(instant(current, "first_seen_at"));
        }
    }

    private static Instant instant(JsonObject json, String field) {
        JsonValue value = json.get(field);
        return value instanceof JsonString s ? Instant.parse(s.getString()) : null;
    }

    /**
     * Deletes the rows of a model on one endpoint whose natural key is not among those just read whole
     * (in a branch: records their deletion). Only called after a complete, successful read.
     */
    public long sweep(long endpointId, InventoryModel model, Set<String> keep, WriteTarget target, Instant now) {
        List<InventoryRow> gone = new ArrayList<>();
        for (Object[] idAndKey : selectKeys(model, "r.id", "r.endpoint = :endpoint")
                .setParameter("endpoint", endpointId).getResultList()) {
            if (!keep.contains(naturalKey(model, idAndKey))) {
                gone.add(em.find(model.entity(), idAndKey[0]));
            }
        }
        if (!target.isBranch()) {
            gone.forEach(em::remove);
            return gone.size();
        }
        long deleted = 0;
        Map<String, BranchChange> changes = changes(target, model, endpointId, null);
        for (InventoryRow row : gone) {
            BranchChange change = changes.remove(row.naturalKey());
            if (change == null) {
                change = new BranchChange(target.branchId(), model.path(), endpointId, row.naturalKey(), BranchChange.DELETE, now);
                change.setOriginal(InventoryJson.toJson(row));
                change.setObjectId(row.getId());
                em.persist(change);
                deleted++;
            } else if (!BranchChange.DELETE.equals(change.getAction())) {
                change.setAction(BranchChange.DELETE);
                change.setModified(null, now);
                deleted++;
            }
        }
        for (BranchChange change : changes.values()) {
            if (BranchChange.CREATE.equals(change.getAction()) && !keep.contains(change.getNaturalKey())) {
                em.remove(change);
                deleted++;
            }
        }
        return deleted;
    }

    private static List<List<InventoryRow>> groupByModelAndEndpoint(List<InventoryRow> rows) {
        Map<String, List<InventoryRow>> groups = new LinkedHashMap<>();
        for (InventoryRow row : rows) {
            groups.computeIfAbsent(row.getClass().getName() + "@" + row.getEndpoint(), k -> new ArrayList<>()).add(row);
        }
        return new ArrayList<>(groups.values());
    }

    /** A main row as a chunk needs it to tell whether a row changed: its id and content hash. */
    private record StoredRow(long id, String contentHash) {
    }

    /**
     * The main rows matching a group's natural keys, by natural key, without loading them: one query per group;
     * rows of other keys that come along are never looked up. Numeric lookups (OSD ids) bound the range, so the
     * (endpoint, id) index narrows the rows H2 reads; a dense range (a chunk of OSDs in tree order usually is)
     * is read by the range alone, since H2 tests each row of it against an IN list value by value. Names get
     * no range: Java's string order is not a database collation's.
     */
    private Map<String, StoredRow> stored(InventoryModel model, long endpoint, List<InventoryRow> group) {
        List<Object> lookups = group.stream().map(model::lookupValue).distinct().collect(Collectors.toList());
        String lookup = "r." + model.lookupAttribute();
        TypedQuery<Object[]> query;
        if (lookups.stream().allMatch(Integer.class::isInstance)) {
            IntSummaryStatistics range = lookups.stream().mapToInt(Integer.class::cast).summaryStatistics();
            boolean dense = (long) range.getMax() - range.getMin() < 2L * lookups.size();
            query = selectKeys(model, "r.id, r.contentHash", "r.endpoint = :endpoint AND " + lookup + " BETWEEN :low AND :high"
                    + (dense ? "" : " AND " + lookup + " IN :values"))
                    .setParameter("low", range.getMin())
                    .setParameter("high", range.getMax());
            if (!dense) {
                query.setParameter("values", lookups);
            }
        } else {
            query = selectKeys(model, "r.id, r.contentHash", "r.endpoint = :endpoint AND " + lookup + " IN :values")
                    .setParameter("values", lookups);
        }
        query.setParameter("endpoint", endpoint);
        Map<String, StoredRow> stored = new HashMap<>();
        for (Object[] row : query.getResultList()) {
            stored.putIfAbsent(naturalKey(model, row), new StoredRow((Long) row[0], (String) row[1]));
        }
        return stored;
    }

    /** SELECT the given columns followed by the model's key attributes, where a condition holds. */
    private TypedQuery<Object[]> selectKeys(InventoryModel model, String columns, String where) {
        String keys = model.keyAttributes().stream().map(a -> "r." + a).collect(Collectors.joining(", "));
        return em.createQuery("SELECT " + columns + ", " + keys + " FROM " + model.entityName() + " r WHERE " + where, Object[].class);
    }

    /** The natural key of a row that {@link #selectKeys} selected: its last values. */
    private static String naturalKey(InventoryModel model, Object[] selected) {
        int first = selected.length - model.keyAttributes().size();
        return model.naturalKey(Arrays.asList(selected).subList(first, selected.length));
    }

    /** A branch's changes of a model on an endpoint (all of them, or those of some natural keys), by natural key. */
    private Map<String, BranchChange> changes(WriteTarget target, InventoryModel model, long endpoint, List<String> keys) {
        String jpql = "SELECT c FROM BranchChange c WHERE c.branchId = :branch AND c.model = :model AND c.endpoint = :endpoint"
                + (keys == null ? "" : " AND c.naturalKey IN :keys");
        var query = em.createQuery(jpql, BranchChange.class)
                .setParameter("branch", target.branchId())
                .setParameter("model", model.path())
                .setParameter("endpoint", endpoint);
        if (keys != null) {
            query.setParameter("keys", keys);
        }
        return query.getResultList().stream()
                .collect(Collectors.toMap(BranchChange::getNaturalKey, Function.identity(), (a, b) -> a, HashMap::new));
    }

    private void resolveReferences(InventoryRow row, Map<Long, Long> clusterOfEndpoint, WriteTarget target) {
        if (row instanceof ClusterMember member) {
            member.setCluster(clusterOfEndpoint.computeIfAbsent(row.getEndpoint(), endpoint -> clusterId(endpoint, target)));
        }
        if (row instanceof CephFilesystem fs && fs.getMetadataPoolName() != null) {
            fs.setMetadataPool(poolId(fs.getEndpoint(), fs.getMetadataPoolName(), target));
        }
    }

    /** The id of the endpoint's cluster row as the target sees it. */
    private Long clusterId(long endpoint, WriteTarget target) {
        if (target.isBranch()) {
            Long inBranch = em.createQuery("SELECT c.objectId FROM BranchChange c WHERE c.branchId = :branch AND c.model = :model"
                            + " AND c.endpoint = :endpoint AND c.action <> :delete ORDER BY c.id", Long.class)
                    .setParameter("branch", target.branchId())
                    .setParameter("model", InventoryModel.CLUSTER.path())
                    .setParameter("endpoint", endpoint)
                    .setParameter("delete", BranchChange.DELETE)
                    .setMaxResults(1)
                    .getResultStream().findFirst().orElse(null);
            if (inBranch != null) {
                return inBranch;
            }
        }
        return em.createQuery("SELECT c.id FROM CephCluster c WHERE c.endpoint = :endpoint ORDER BY c.id", Long.class)
                .setParameter("endpoint", endpoint)
                .setMaxResults(1)
                .getResultStream().findFirst().orElse(null);
    }

    /** The id of a pool row, by name, as the target sees it. */
    private Long poolId(long endpoint, String name, WriteTarget target) {
        if (target.isBranch()) {
            BranchChange change = changes(target, InventoryModel.POOL, endpoint, List.of(name)).get(name);
            if (change != null) {
                return BranchChange.DELETE.equals(change.getAction()) ? null : change.getObjectId();
            }
        }
        return em.createQuery("SELECT p.id FROM CephPool p WHERE p.endpoint = :endpoint AND p.name = :name", Long.class)
                .setParameter("endpoint", endpoint)
                .setParameter("name", name)
                .getResultStream().findFirst().orElse(null);
    }
}
