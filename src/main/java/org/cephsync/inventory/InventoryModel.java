package org.cephsync.inventory;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The eight inventory models: their REST path segment, entity class, the attributes that make a row's
 * natural key within its endpoint ({@link InventoryRow#naturalKey()}: their values joined by "/"), the last
 * of which narrows a lookup, and the fields and brief fields of netbox-ceph's serializer for it.
 */
public enum InventoryModel {
    CLUSTER("clusters", CephCluster.class, List.of("name"),
            List.of("endpoint", "proxmox_cluster", "name", "fsid", "health", "quorum_names", "status", "last_seen_at"),
            List.of("name", "health")),
    HEALTH_CHECK("health-checks", CephHealthCheck.class, List.of("name"),
            List.of("endpoint", "cluster", "name", "severity", "summary", "detail", "source", "first_seen_at", "last_seen_at"),
            List.of("name", "severity")),
    DAEMON("daemons", CephDaemon.class, List.of("daemonType", "name"),
            List.of("endpoint", "cluster", "proxmox_node", "daemon_type", "name", "daemon_id", "host", "state", "status",
                    "version", "metadata", "last_seen_at"),
            List.of("daemon_type", "name", "state")),
    OSD("osds", CephOsd.class, List.of("osdId"),
            List.of("endpoint", "cluster", "proxmox_node", "osd_id", "name", "host", "up", "in_cluster", "status",
                    "device_class", "weight", "reweight", "used_bytes", "available_bytes", "total_bytes", "pgs", "metadata",
                    "last_seen_at"),
            List.of("osd_id", "up", "in_cluster")),
    POOL("pools", CephPool.class, List.of("name"),
            List.of("endpoint", "cluster", "name", "pool_id", "size", "min_size", "pg_num", "pg_autoscale_mode", "crush_rule",
                    "application", "used_bytes", "max_available_bytes", "percent_used", "status", "last_seen_at"),
            List.of("name")),
    FILESYSTEM("filesystems", CephFilesystem.class, List.of("name"),
            List.of("endpoint", "cluster", "name", "metadata_pool", "data_pools", "standby_count_wanted", "status", "last_seen_at"),
            List.of("name")),
    CRUSH_RULE("crush-rules", CephCrushRule.class, List.of("name"),
            List.of("endpoint", "cluster", "name", "rule_id", "rule_type", "device_class", "steps", "raw", "last_seen_at"),
            List.of("name", "rule_type")),
    FLAG("flags", CephFlag.class, List.of("name"),
            List.of("endpoint", "cluster", "name", "enabled", "value", "raw", "last_seen_at"),
            List.of("name", "enabled"));

    /** What every NetBox model serializer starts with, and what each of netbox-ceph's ends with. */
    private static final class NetBoxFields {
        static final List<String> HEAD = List.of("id", "url", "display");
        static final List<String> TAIL = List.of("tags", "custom_fields", "created", "last_updated");
    }

    private final String path;
    private final Class<? extends InventoryRow> entity;
    private final String lookupAttribute;
    private final List<String> keyAttributes;
    private final List<String> fields;
    private final List<String> briefFields;

    InventoryModel(String path, Class<? extends InventoryRow> entity, List<String> keyAttributes, List<String> ownFields,
                   List<String> ownBriefFields) {
        this.path = path;
        this.entity = entity;
        this.keyAttributes = keyAttributes;
        this.lookupAttribute = keyAttributes.get(keyAttributes.size() - 1);
        this.fields = Stream.of(NetBoxFields.HEAD, ownFields, NetBoxFields.TAIL).flatMap(List::stream).toList();
        this.briefFields = Stream.concat(NetBoxFields.HEAD.stream(), ownBriefFields.stream()).toList();
    }

    /** netbox-ceph 0.0.1's serializer fields, in its order. */
    public List<String> fields() {
        return fields;
    }

    /** Its brief fields ({@code ?brief=true}, and nested references). */
    public List<String> briefFields() {
        return briefFields;
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
