package org.cephsync.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.cephsync.inventory.InventoryJson;
import org.cephsync.inventory.InventoryModel;
import org.cephsync.inventory.InventoryRow;

/**
 * Branches and their merge, with netbox-branching's semantics. A field is in conflict when both main
 * (since the branch first changed the row) and the branch changed it, to different values; a field only
 * main changed is no conflict and survives, because a merge applies only the fields the branch changed.
 * A branch deleting a row main updated, or updating a row main deleted, is a conflict on the row.
 */
@ApplicationScoped
@Transactional
public class Branches {

    public static final String DELETED_IN_MAIN = "deleted in main";
    public static final String EXISTS_IN_MAIN = "created in main too";

    private static final String SCHEMA_ID_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext
    EntityManager em;

    /** Opens a branch for a sync run and provisions it (our store needs no schema copy: it is ready at once). */
    public Branch open(String prefix, long jobId, long instanceId, Instant now) {
        String name = prefix + "-" + jobId + "-" + now.getEpochSecond();
        Branch branch = new Branch(name.length() > 100 ? name.substring(0, 100) : name, newSchemaId(), instanceId, now);
        em.persist(branch);
        branch.setStatus(Branch.PROVISIONING);
        branch.setStatus(Branch.READY);
        return branch;
    }

    private String newSchemaId() {
        while (true) {
            StringBuilder id = new StringBuilder(8);
            for (int i = 0; i < 8; i++) {
                id.append(SCHEMA_ID_CHARS.charAt(RANDOM.nextInt(SCHEMA_ID_CHARS.length())));
            }
            if (bySchemaId(id.toString()).isEmpty()) {
                return id.toString();
            }
        }
    }

    public Optional<Branch> find(long id) {
        return Optional.ofNullable(em.find(Branch.class, id));
    }

    public Optional<Branch> bySchemaId(String schemaId) {
        return em.createQuery("SELECT b FROM Branch b WHERE b.schemaId = :schemaId", Branch.class)
                .setParameter("schemaId", schemaId)
                .getResultStream().findFirst();
    }

    public WriteTarget target(String schemaId) {
        return schemaId == null ? WriteTarget.MAIN
                : new WriteTarget(bySchemaId(schemaId).orElseThrow(() -> new IllegalStateException("no branch " + schemaId)).getId());
    }

    public long count() {
        return em.createQuery("SELECT COUNT(b) FROM Branch b", Long.class).getSingleResult();
    }

    public List<Branch> list(int offset, int limit) {
        return em.createQuery("SELECT b FROM Branch b ORDER BY b.id DESC", Branch.class)
                .setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    public long countChanges(Long branchId, Boolean hasConflicts) {
        return changesQuery("SELECT COUNT(c)", branchId, hasConflicts, Long.class).getSingleResult();
    }

    public List<BranchChange> changes(Long branchId, Boolean hasConflicts, int offset, int limit) {
        return changesQuery("SELECT c", branchId, hasConflicts, BranchChange.class)
                .setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    private <T> jakarta.persistence.TypedQuery<T> changesQuery(String select, Long branchId, Boolean hasConflicts, Class<T> type) {
        List<String> where = new ArrayList<>();
        if (branchId != null) {
            where.add("c.branchId = :branch");
        }
        if (hasConflicts != null) {
            where.add("c.hasConflicts = :conflicts");
        }
        String order = select.contains("COUNT") ? "" : " ORDER BY c.id";
        var query = em.createQuery(select + " FROM BranchChange c" + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where)) + order, type);
        if (branchId != null) {
            query.setParameter("branch", branchId);
        }
        if (hasConflicts != null) {
            query.setParameter("conflicts", hasConflicts);
        }
        return query;
    }

    /**
     * Merges a ready branch in one transaction, or, with {@code commit=false}, says what a merge would do.
     * Conflicts are recorded on the changes either way; unacknowledged conflicts block a commit.
     *
     * @throws BranchStateException when the branch is not ready
     */
    public MergeOutcome merge(long branchId, boolean commit, boolean acknowledgeConflicts) {
        Branch branch = find(branchId).orElseThrow(() -> new BranchStateException("no branch " + branchId));
        if (!Branch.READY.equals(branch.getStatus())) {
            throw new BranchStateException("branch " + branch.getName() + " is " + branch.getStatus() + ", not ready: only a ready branch can be merged");
        }
        List<BranchChange> changes = em.createQuery("SELECT c FROM BranchChange c WHERE c.branchId = :branch ORDER BY c.id", BranchChange.class)
                .setParameter("branch", branchId).getResultList();
        List<BranchChange> conflicts = new ArrayList<>();
        for (BranchChange change : changes) {
            Set<String> fields = conflicts(change);
            JsonArrayBuilder list = Json.createArrayBuilder();
            fields.forEach(list::add);
            change.setConflicts(list.build());
            if (!fields.isEmpty()) {
                conflicts.add(change);
            }
        }
        if (!commit || (!conflicts.isEmpty() && !acknowledgeConflicts)) {
            return new MergeOutcome(branch, changes, conflicts, false);
        }
        branch.setStatus(Branch.MERGING);
        Instant now = Instant.now();
        for (BranchChange change : changes) {
            apply(change, now);
        }
        branch.setStatus(Branch.MERGED);
        branch.setMergedTime(now);
        return new MergeOutcome(branch, changes, conflicts, true);
    }

    private Set<String> conflicts(BranchChange change) {
        InventoryModel model = model(change);
        InventoryRow main = em.find(model.entity(), change.getObjectId());
        Set<String> fields = new TreeSet<>();
        switch (change.getAction()) {
            case BranchChange.CREATE -> {
                InventoryRow twin = twin(model, change);
                if (twin != null && !InventoryJson.content(twin).equals(InventoryJson.content(change.getModified()))) {
                    fields.add(EXISTS_IN_MAIN);
                }
            }
            case BranchChange.UPDATE -> {
                if (main == null) {
                    fields.add(DELETED_IN_MAIN);
                } else {
                    JsonObject now = InventoryJson.content(main);
                    JsonObject original = InventoryJson.content(change.getOriginal());
                    JsonObject mine = InventoryJson.content(change.getModified());
                    for (String field : changedFields(original, mine)) {
                        if (!Objects.equals(now.get(field), original.get(field)) && !Objects.equals(now.get(field), mine.get(field))) {
                            fields.add(field);
                        }
                    }
                }
            }
            default -> {
                if (main != null) {
                    fields.addAll(changedFields(InventoryJson.content(change.getOriginal()), InventoryJson.content(main)));
                }
            }
        }
        return fields;
    }

    private void apply(BranchChange change, Instant now) {
        InventoryModel model = model(change);
        InventoryRow main = em.find(model.entity(), change.getObjectId());
        switch (change.getAction()) {
            case BranchChange.CREATE -> {
                InventoryRow twin = twin(model, change);
                if (twin != null) {
                    em.merge(row(model, withFields(InventoryJson.toJson(twin), change.getModified(),
                            InventoryJson.content(change.getModified()).keySet(), now)));
                } else {
                    em.persist(row(model, change.getModified()));
                }
            }
            case BranchChange.UPDATE -> {
                if (main == null) {
                    em.persist(row(model, change.getModified()));
                } else {
                    Set<String> fields = changedFields(InventoryJson.content(change.getOriginal()), InventoryJson.content(change.getModified()));
                    em.merge(row(model, withFields(InventoryJson.toJson(main), change.getModified(), fields, now)));
                }
            }
            default -> {
                if (main != null) {
                    em.remove(main);
                }
            }
        }
    }

    private static Set<String> changedFields(JsonObject before, JsonObject after) {
        Set<String> fields = new TreeSet<>();
        Set<String> names = new TreeSet<>(before.keySet());
        names.addAll(after.keySet());
        for (String name : names) {
            if (!Objects.equals(before.get(name), after.get(name))) {
                fields.add(name);
            }
        }
        return fields;
    }

    /** {@code base} with {@code fields} taken from {@code source}, last_updated now. */
    private static JsonObject withFields(JsonObject base, JsonObject source, Set<String> fields, Instant now) {
        JsonObjectBuilder merged = Json.createObjectBuilder(base);
        for (String field : fields) {
            merged.add(field, source.getOrDefault(field, JsonValue.NULL));
        }
        return merged.add("last_updated", now.toString()).build();
    }

    private static InventoryRow row(InventoryModel model, JsonObject json) {
        return InventoryJson.fromJson(json, model.entity());
    }

    /** A main row with the natural key of a row the branch created (main created it too, meanwhile). */
    private InventoryRow twin(InventoryModel model, BranchChange created) {
        return em.createQuery("SELECT r FROM " + model.entityName() + " r WHERE r.endpoint = :endpoint AND r."
                        + model.lookupAttribute() + " = :value", model.entity())
                .setParameter("endpoint", created.getEndpoint())
                .setParameter("value", model.lookupValue(created.getModified()))
                .getResultStream().filter(r -> r.naturalKey().equals(created.getNaturalKey())).findFirst().orElse(null);
    }

    private static InventoryModel model(BranchChange change) {
        return InventoryModel.byPath(change.getModel()).orElseThrow(() -> new IllegalStateException("unknown model " + change.getModel()));
    }
}
