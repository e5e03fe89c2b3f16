package org.cephsync.store;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.time.Instant;
import org.cephsync.inventory.DatabaseTime;
import org.cephsync.inventory.JsonText;

/**
 * One row's change in a branch, consolidated: create, update or delete, with the row as main had it when
 * the branch first changed it ({@code original}), the branch's row ({@code modified}), and the fields in
 * conflict with main as of the last merge attempt. Its id comes from the inventory's id sequence, so a
 * row created in a branch keeps that id ({@code objectId}) when merged.
 */
@Entity
@Table(name = "branch_change",
        uniqueConstraints = @UniqueConstraint(columnNames = {"branch_id", "model", "object_id"}),
        indexes = @Index(columnList = "branch_id, model, endpoint, natural_key"))
public class BranchChange {

    public static final String CREATE = "create";
    public static final String UPDATE = "update";
    public static final String DELETE = "delete";

    /** The inventory rows' sequence (declared on InventoryRow; generators are unit-wide). */
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "inventory_seq")
    private Long id;

    @Column(name = "branch_id", nullable = false)
    private long branchId;

    /** The model's REST path segment (osds, pools, ...). */
    @Column(nullable = false, length = 32)
    private String model;

    @Column(name = "object_id")
    private Long objectId;

    @Column(nullable = false)
    private long endpoint;

    @Column(name = "natural_key", nullable = false)
    private String naturalKey;

    @Column(nullable = false, length = 8)
    private String action;

    /** JSON text: a CLOB/TEXT column on every database (a converted attribute would not be). */
    @Lob
    private String original;

    /** JSON text: a CLOB/TEXT column on every database (a converted attribute would not be). */
    @Lob
    private String modified;

    /** JSON text: a CLOB/TEXT column on every database (a converted attribute would not be). */
    @Lob
    private String conflicts;

    @Column(name = "has_conflicts", nullable = false)
    private boolean hasConflicts;

    @Column(name = "last_updated")
    private Instant lastUpdated;

    protected BranchChange() {
    }

    public BranchChange(long branchId, String model, long endpoint, String naturalKey, String action, Instant now) {
        this.branchId = branchId;
        this.model = model;
        this.endpoint = endpoint;
        this.naturalKey = naturalKey;
        this.action = action;
        this.lastUpdated = DatabaseTime.of(now);
    }

    public Long getId() {
        return id;
    }

    public long getBranchId() {
        return branchId;
    }

    public String getModel() {
        return model;
    }

    public Long getObjectId() {
        return objectId;
    }

    public void setObjectId(Long objectId) {
        this.objectId = objectId;
    }

    public long getEndpoint() {
        return endpoint;
    }

    public String getNaturalKey() {
        return naturalKey;
    }

    /** The row's name as users know it (osd.3, vm-pool, MON_DOWN); for daemons with their type (mon.pve1). */
    public String display() {
        JsonObject row = modified != null ? getModified() : getOriginal();
        if (row == null || !row.containsKey("name")) {
            return naturalKey;
        }
        return row.containsKey("daemon_type") ? row.getString("daemon_type") + "." + row.getString("name") : row.getString("name");
    }

    public String getAction() {
        return action;
    }

    public void setAction(String action) {
        this.action = action;
    }

    public JsonObject getOriginal() {
        return JsonText.parseObject(original);
    }

    public void setOriginal(JsonObject original) {
        this.original = JsonText.format(original);
    }

    public JsonObject getModified() {
        return JsonText.parseObject(modified);
    }

    public void setModified(JsonObject modified, Instant now) {
        this.modified = JsonText.format(modified);
        this.lastUpdated = DatabaseTime.of(now);
    }

    public JsonArray getConflicts() {
        return JsonText.parseArray(conflicts);
    }

    public void setConflicts(JsonArray conflicts) {
        this.conflicts = JsonText.format(conflicts);
        this.hasConflicts = conflicts != null && !conflicts.isEmpty();
    }

    public boolean hasConflicts() {
        return hasConflicts;
    }

    public Instant getLastUpdated() {
        return lastUpdated;
    }
}
