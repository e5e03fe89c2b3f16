package org.cephsync.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.cephsync.inventory.InventoryJson;
import org.cephsync.inventory.InventoryModel;
import org.cephsync.inventory.InventoryRow;
import org.cephsync.inventory.JsonText;

/**
 * Branches and their merge, with netbox-branching's semantics (the rules: {@link MergeRules}). A merge
 * happens in one transaction; rows created in a branch keep their ids in main.
 */
@ApplicationScoped
@TransactionBoundary
public class Branches {

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

    /** Where a run with this branch (null: none) writes; a branch that is no longer ready takes no more writes. */
    public WriteTarget target(String schemaId) {
        if (schemaId == null) {
            return WriteTarget.MAIN;
        }
        Branch branch = bySchemaId(schemaId).orElseThrow(() -> new IllegalStateException("no branch " + schemaId));
        if (!Branch.READY.equals(branch.getStatus())) {
            throw new BranchStateException("branch " + branch.getName() + " is " + branch.getStatus() + ": the run can no longer write into it");
        }
        return new WriteTarget(branch.getId());
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
    public MergeOutcome merge(long branchId, boolean commit, boolean acknowledgeConflicts, String mergedBy) {
        // locked: of two merges at once, the second waits for the first and then finds the branch merged
        Branch branch = Optional.ofNullable(em.find(Branch.class, branchId, LockModeType.PESSIMISTIC_WRITE))
                .orElseThrow(() -> new BranchStateException("no branch " + branchId));
        if (!Branch.READY.equals(branch.getStatus())) {
            throw new BranchStateException("branch " + branch.getName() + " is " + branch.getStatus() + ", not ready: only a ready branch can be merged");
        }
        List<BranchChange> changes = em.createQuery("SELECT c FROM BranchChange c WHERE c.branchId = :branch ORDER BY c.id", BranchChange.class)
                .setParameter("branch", branchId).getResultList();
        List<BranchChange> conflicts = new ArrayList<>();
        for (BranchChange change : changes) {
            Set<String> fields = conflicts(change);
            JsonArrayBuilder list = JsonText.json().createArrayBuilder();
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
        branch.setMergedBy(mergedBy);
        return new MergeOutcome(branch, changes, conflicts, true);
    }

    private Set<String> conflicts(BranchChange change) {
        InventoryModel model = model(change);
        InventoryRow main = BranchChange.CREATE.equals(change.getAction()) ? twin(model, change)
                : em.find(model.entity(), change.getObjectId());
        return MergeRules.conflicts(change.getAction(), change.getOriginal(), change.getModified(),
                main == null ? null : InventoryJson.toJson(main));
    }

    private void apply(BranchChange change, Instant now) {
        InventoryModel model = model(change);
        switch (change.getAction()) {
            case BranchChange.CREATE -> {
                InventoryRow twin = twin(model, change);
                em.merge(twin == null ? row(model, change.getModified())
                        : row(model, MergeRules.applyCreateOver(InventoryJson.toJson(twin), change.getModified(), now)));
            }
            case BranchChange.UPDATE -> {
                InventoryRow main = em.find(model.entity(), change.getObjectId());
                em.merge(main == null ? row(model, change.getModified())
                        : row(model, MergeRules.applyUpdate(InventoryJson.toJson(main), change.getOriginal(), change.getModified(), now)));
            }
            default -> {
                InventoryRow main = em.find(model.entity(), change.getObjectId());
                if (main != null) {
                    em.remove(main);
                }
            }
        }
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
