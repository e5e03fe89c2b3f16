package org.cephsync.inventory;

import java.util.Arrays;
import java.util.Optional;

/**
 * The eight inventory models: their REST path segment, entity class, and the attribute that narrows a
 * natural-key lookup (the rest of the key is matched on {@link InventoryRow#naturalKey()}).
 */
public enum InventoryModel {
    CLUSTER("clusters", CephCluster.class, "name"),
    HEALTH_CHECK("health-checks", CephHealthCheck.class, "name"),
    DAEMON("daemons", CephDaemon.class, "name"),
    OSD("osds", CephOsd.class, "osdId"),
    POOL("pools", CephPool.class, "name"),
    FILESYSTEM("filesystems", CephFilesystem.class, "name"),
    CRUSH_RULE("crush-rules", CephCrushRule.class, "name"),
    FLAG("flags", CephFlag.class, "name");

    private final String path;
    private final Class<? extends InventoryRow> entity;
    private final String lookupAttribute;

    InventoryModel(String path, Class<? extends InventoryRow> entity, String lookupAttribute) {
        this.path = path;
        this.entity = entity;
        this.lookupAttribute = lookupAttribute;
    }

    public String path() {
        return path;
    }

    public Class<? extends InventoryRow> entity() {
        return entity;
    }

    /** The JPQL entity name. */
    public String entityName() {
        return entity.getSimpleName();
    }

    public String lookupAttribute() {
        return lookupAttribute;
    }

    /** The value of {@link #lookupAttribute()} on a row of this model. */
    public Object lookupValue(InventoryRow row) {
        return row instanceof CephOsd osd ? osd.getOsdId() : row.getName();
    }

    /** The value of {@link #lookupAttribute()} in a row's JSON form. */
    public Object lookupValue(jakarta.json.JsonObject row) {
        return this == OSD ? (Object) row.getInt("osd_id") : row.getString("name");
    }

    public static Optional<InventoryModel> byPath(String path) {
        return Arrays.stream(values()).filter(m -> m.path.equals(path)).findFirst();
    }

    public static InventoryModel of(InventoryRow row) {
        return Arrays.stream(values()).filter(m -> m.entity == row.getClass()).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not an inventory model: " + row.getClass()));
    }
}
