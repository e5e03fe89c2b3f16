package org.cephsync.mapping;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.cephsync.inventory.CephOsd;
import org.cephsync.inventory.InventoryRow;

/**
 * OSDs, from the CRUSH tree PVE's {@code /nodes/{node}/ceph/osd} returns and {@code /cluster/ceph/metadata}.
 * Items: {@code {"leaf": <the tree's osd node>, "host": <name of its host parent, or null>,
 * "ceph_metadata": <the OSD's metadata entry>}}, by OSD id; {@code ceph_metadata} is left out when the
 * metadata does not list the OSD.
 */
public class OsdMapper implements ResourceMapper {

    static final String TREE = "/nodes/{node}/ceph/osd";
    static final String METADATA = "/cluster/ceph/metadata";

    @Override
    public List<JsonObject> split(SourcePayloads payloads) {
        String where = SourceBodies.where(payloads, TREE);
        JsonObject root = PveFields.of(SourceBodies.object(payloads, TREE), where).objectValue("root");
        if (root == null) {
            throw new MappingException(where + ": field 'root' (the CRUSH tree) is missing");
        }
        Map<Long, JsonObject> metadataById = metadataById(SourceBodies.object(payloads, METADATA),
                SourceBodies.where(payloads, METADATA));
        // an OSD under two roots (or listed twice) is still one row: the first place it is seen wins
        Map<Long, JsonObject> items = new TreeMap<>();
        collectOsds(root, null, where + " root", metadataById, items);
        return new ArrayList<>(items.values());
    }

    @Override
    public InventoryRow map(JsonObject item) {
        JsonObject leaf = PveFields.of(item, "osd item").objectValue("leaf");
        if (leaf == null) {
            throw new MappingException("osd item: field 'leaf' is missing");
        }
        long id = osdId(PveFields.of(leaf, "osd item " + leaf.getOrDefault("name", JsonValue.NULL)));
        String label = "osd." + id;
        PveFields fields = PveFields.of(leaf, label);
        PveFields itemFields = PveFields.of(item, label);

        CephOsd osd = new CephOsd();
        osd.setOsdId((int) id);
        String name = fields.string("name");
        osd.setName(name == null || name.isBlank() ? label : name);
        String host = itemFields.string("host");
        osd.setHost(host == null || host.isBlank() ? fields.text("host") : host);
        String status = fields.string("status");
        osd.setStatus(status == null ? "" : status);
        osd.setUp(status == null ? null : "up".equals(status));
        osd.setInCluster(fields.booleanValue("in"));
        osd.setDeviceClass(fields.text("device_class"));
        osd.setWeight(fields.doubleValue("crush_weight"));
        osd.setReweight(fields.doubleValue("reweight"));
        Long used = fields.longValue("bytes_used");
        Long total = fields.longValue("total_space");
        osd.setUsedBytes(used);
        osd.setTotalBytes(total);
        // PVE reports odd totals for an out OSD (1024 bytes): kept as given, only the difference is clamped
        osd.setAvailableBytes(used == null || total == null ? null : Math.max(0, total - used));
        osd.setPgs(fields.intValue("pgs"));
        JsonObjectBuilder kept = JsonFactory.object(leaf);
        JsonObject cephMetadata = itemFields.objectValue("ceph_metadata");
        if (cephMetadata != null) {
            kept.add("ceph_metadata", cephMetadata);
        }
        osd.setMetadata(kept.build());
        return osd;
    }

    private static long osdId(PveFields leaf) {
        long id = leaf.requiredLong("id");
        if (id < 0 || id > Integer.MAX_VALUE) {
            throw new MappingException(leaf.label() + ": field 'id': an OSD id is a whole number >= 0, got " + id);
        }
        return id;
    }

    private static void collectOsds(JsonObject node, String host, String where, Map<Long, JsonObject> metadataById,
                                    Map<Long, JsonObject> items) {
        PveFields fields = PveFields.of(node, where);
        String type = fields.string("type");
        if ("osd".equals(type)) {
            long id = osdId(PveFields.of(node, where + " (" + fields.string("name") + ")"));
            if (!items.containsKey(id)) {
                JsonObjectBuilder item = JsonFactory.object().add("leaf", node);
                item.add("host", host == null ? JsonValue.NULL : JsonFactory.value(host));
                JsonObject cephMetadata = metadataById.get(id);
                if (cephMetadata != null) {
                    item.add("ceph_metadata", cephMetadata);
                }
                items.put(id, item.build());
            }
            return;
        }
        String childHost = "host".equals(type) ? fields.string("name") : host;
        JsonArray children = fields.arrayValue("children");
        if (children == null) {
            return;
        }
        for (int i = 0; i < children.size(); i++) {
            String childWhere = where + " > " + (fields.has("name") ? fields.string("name") : "#") + "[" + i + "]";
            collectOsds(PveValues.asObject(children.get(i), childWhere), childHost, childWhere, metadataById, items);
        }
    }

    /** PVE passes Ceph's {@code osd metadata} through: a list of entries with "id" (tolerated: an object of them). */
    private static Map<Long, JsonObject> metadataById(JsonObject metadata, String where) {
        Map<Long, JsonObject> byId = new HashMap<>();
        JsonValue section = metadata.get("osd");
        if (section == null || section.getValueType() == JsonValue.ValueType.NULL) {
            return byId;
        }
        List<JsonValue> entries = section.getValueType() == JsonValue.ValueType.OBJECT
                ? List.copyOf(section.asJsonObject().values())
                : PveValues.asArray(section, where + " osd");
        for (int i = 0; i < entries.size(); i++) {
            String entryWhere = where + " osd entry #" + i;
            JsonObject entry = PveValues.asObject(entries.get(i), entryWhere);
            Long id = PveFields.of(entry, entryWhere).longValue("id");
            if (id != null) {
                byId.putIfAbsent(id, entry);
            }
        }
        return byId;
    }
}
