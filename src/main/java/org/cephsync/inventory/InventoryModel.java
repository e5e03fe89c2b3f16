package org.cephsync.inventory;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The eight inventory models: their REST path segment, entity class, and the attributes that make a row's
 * natural key within its endpoint ({@link InventoryRow#naturalKey()}: their values joined by "/"), the last
 * of which narrows a lookup.
 */
public enum InventoryModel {
    CLUSTER("clusters", CephCluster.class, "name"),
    HEALTH_CHECK("health-checks", CephHealthCheck.class, "name"),
    DAEMON("daemons", CephDaemon.class, "daemonType", "name"),
    OSD("osds", CephOsd.class, "osdId"),
    POOL("pools", CephPool.class, "name"),
    FILESYSTEM("filesystems", CephFilesystem.class, "name"),
    CRUSH_RULE("crush-rules", CephCrushRule.class, "name"),
    FLAG("flags", CephFlag.class, "name");

    private final String path;
    private final Class<? extends InventoryRow> entity;
    private final String lookupAttribute;
    private final List<String> keyAttributes;

    InventoryModel(String path, Class<? extends InventoryRow> entity, String... keyAttributes) {
        this.path = path;
        this.entity = entity;
        this.keyAttributes = List.of(keyAttributes);
        this.lookupAttribute = keyAttributes[keyAttributes.length - 1];
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

    /** The attributes whose values, in this order and joined by "/", are a row's natural key. */
    public List<String> keyAttributes() {
        return keyAttributes;
    }

    /** The natural key of a row from the values of its {@link #keyAttributes()}, as a query selected them. */
    public String naturalKey(List<?> keyValues) {
        return keyValues.stream().map(String::valueOf).collect(Collectors.joining("/"));
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
