package org.cephsync.mapping;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.cephsync.inventory.CephCluster;
import org.cephsync.inventory.CephHealthCheck;
import org.cephsync.inventory.InventoryRow;

/**
 * The cluster and its health checks, from {@code /cluster/ceph/status} (the {@code ceph status} object).
 * Items: first {@code {"kind": "cluster", "name", "status"}}, then one
 * {@code {"kind": "health_check", "cluster", "name", "check"}} per check, by code.
 */
public class StatusMapper implements ResourceMapper {

    static final String CEPH_STATUS = "/cluster/ceph/status";
    static final String KIND_CLUSTER = "cluster";
    static final String KIND_HEALTH_CHECK = "health_check";
    /** Where a health check comes from: Ceph's own health report. */
    static final String CHECK_SOURCE = "ceph";
    private static final int SUMMARY_LENGTH = 512;

    @Override
    public List<JsonObject> split(SourcePayloads payloads) {
        String clusterName = ClusterStatus.clusterName(payloads.get(ClusterStatus.PATH));
        JsonObject status = SourceBodies.object(payloads, CEPH_STATUS);
        List<JsonObject> items = new ArrayList<>();
        items.add(JsonFactory.object()
                .add("kind", KIND_CLUSTER)
                .add("name", clusterName)
                .add("status", status)
                .build());
        String where = SourceBodies.where(payloads, CEPH_STATUS);
        JsonObject health = PveFields.of(status, where).objectValue("health");
        JsonObject checks = health == null ? null : PveFields.of(health, where + " health").objectValue("checks");
        if (checks != null) {
            // sorted so that a restart stages the same items in the same order
            new TreeMap<>(checks).forEach((code, check) -> items.add(JsonFactory.object()
                    .add("kind", KIND_HEALTH_CHECK)
                    .add("cluster", clusterName)
                    .add("name", code)
                    .add("check", PveValues.asObject(check, where + " health check " + code))
                    .build()));
        }
        return items;
    }

    @Override
    public InventoryRow map(JsonObject item) {
        String kind = PveFields.of(item, "status item").string("kind");
        if (KIND_CLUSTER.equals(kind)) {
            return cluster(item);
        }
        if (KIND_HEALTH_CHECK.equals(kind)) {
            return healthCheck(item);
        }
        throw new MappingException("status item: unknown kind " + (kind == null ? "(none)" : "'" + kind + "'")
                + ", expected '" + KIND_CLUSTER + "' or '" + KIND_HEALTH_CHECK + "'");
    }

    private static CephCluster cluster(JsonObject item) {
        PveFields fields = PveFields.of(item, "cluster item");
        String name = fields.requiredString("name");
        JsonObject status = fields.objectValue("status");
        if (status == null) {
            throw new MappingException("cluster " + name + ": field 'status' is missing");
        }
        PveFields ceph = PveFields.of(status, "cluster " + name + " status");
        CephCluster cluster = new CephCluster();
        cluster.setName(name);
        cluster.setFsid(ceph.text("fsid"));
        cluster.setHealth(HealthStatus.of(healthText(ceph)));
        JsonArray quorum = ceph.arrayValue("quorum_names");
        cluster.setQuorumNames(quorum == null ? JsonValue.EMPTY_JSON_ARRAY : quorum);
        cluster.setStatus(status);
        return cluster;
    }

    private static String healthText(PveFields ceph) {
        JsonObject health = ceph.objectValue("health");
        if (health == null) {
            return null;
        }
        PveFields fields = PveFields.of(health, ceph.label() + " health");
        // "overall_status" is what releases before Luminous called it
        return fields.has("status") ? fields.string("status") : fields.string("overall_status");
    }

    private static CephHealthCheck healthCheck(JsonObject item) {
        PveFields fields = PveFields.of(item, "health check item");
        String code = fields.requiredString("name");
        JsonObject check = fields.objectValue("check");
        if (check == null) {
            throw new MappingException("health check " + code + ": field 'check' is missing");
        }
        PveFields source = PveFields.of(check, "health check " + code);
        CephHealthCheck row = new CephHealthCheck();
        row.setName(code);
        row.setSeverity(HealthStatus.of(source.string("severity")));
        row.setSummary(PveValues.truncate(summary(source), SUMMARY_LENGTH));
        JsonArray detail = source.arrayValue("detail");
        row.setDetail(detail == null ? JsonValue.EMPTY_JSON_ARRAY : detail);
        row.setSource(CHECK_SOURCE);
        return row;
    }

    private static String summary(PveFields check) {
        JsonValue summary = check.value("summary");
        if (summary != null && summary.getValueType() == JsonValue.ValueType.OBJECT) {
            return PveFields.of(summary.asJsonObject(), check.label() + " summary").text("message");
        }
        return check.text("summary");
    }
}
