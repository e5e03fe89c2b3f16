package org.cephsync.mapping;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cephsync.inventory.CephDaemon;
import org.cephsync.inventory.InventoryRow;

/**
 * MON, MGR and MDS daemons, from PVE's per-type service lists and {@code /cluster/ceph/metadata}.
 * Items: {@code {"daemon_type", "entry": <list entry>, "ceph_metadata": <metadata entry>}}, mons, then mgrs,
 * then mds, each in list order; {@code ceph_metadata} is left out when the metadata has no entry for the
 * daemon (PVE lists daemons Ceph no longer reports, e.g. stopped ones).
 */
public class DaemonMapper implements ResourceMapper {

    static final List<String> TYPES = List.of("mon", "mgr", "mds");
    static final String METADATA = "/cluster/ceph/metadata";
    private static final Set<String> MODEL_TYPES = Set.of("mon", "mgr", "mds", "osd");
    private static final Pattern VERSION_IN_BANNER = Pattern.compile("ceph version (\\S+)");
    private static final int STATUS_LENGTH = 255;
    private static final int VERSION_LENGTH = 128;

    static String listPath(String daemonType) {
        return "/nodes/{node}/ceph/" + daemonType;
    }

    @Override
    public List<JsonObject> split(SourcePayloads payloads) {
        JsonObject metadata = SourceBodies.object(payloads, METADATA);
        List<JsonObject> items = new ArrayList<>();
        for (String type : TYPES) {
            String path = listPath(type);
            List<JsonObject> entries = SourceBodies.objects(payloads, path);
            for (int i = 0; i < entries.size(); i++) {
                JsonObject entry = entries.get(i);
                PveFields fields = PveFields.of(entry, SourceBodies.where(payloads, path) + " entry #" + i);
                String id = daemonId(type, fields.requiredString("name"));
                JsonObjectBuilder item = JsonFactory.object().add("daemon_type", type).add("entry", entry);
                JsonObject cephMetadata = metadataEntry(metadata, type, id, fields.string("host"),
                        SourceBodies.where(payloads, METADATA));
                if (cephMetadata != null) {
                    item.add("ceph_metadata", cephMetadata);
                }
                items.add(item.build());
            }
        }
        return items;
    }

    /** The metadata's OSD section, nearly all of it on a large cluster, is the osds step's. */
    @Override
    public Set<String> unreadMembers(String path) {
        return METADATA.equals(path) ? Set.of("osd") : Set.of();
    }

    @Override
    public InventoryRow map(JsonObject item) {
        PveFields itemFields = PveFields.of(item, "daemon item");
        String type = itemFields.requiredString("daemon_type");
        JsonObject entry = itemFields.objectValue("entry");
        if (entry == null) {
            throw new MappingException("daemon item of type " + type + ": field 'entry' is missing");
        }
        String id = daemonId(type, PveFields.of(entry, type + " entry").requiredString("name"));
        String label = type + "." + id;
        PveFields fields = PveFields.of(entry, label);
        JsonObject cephMetadata = PveFields.of(item, label).objectValue("ceph_metadata");
        PveFields metadataFields = cephMetadata == null ? null : PveFields.of(cephMetadata, label + " ceph_metadata");

        CephDaemon daemon = new CephDaemon();
        daemon.setDaemonType(MODEL_TYPES.contains(type) ? type : "unknown");
        daemon.setName(id);
        daemon.setDaemonId(id);
        daemon.setHost(firstText(fields, metadataFields, "host", "hostname"));
        String state = fields.string("state");
        daemon.setState(DaemonState.of(state));
        daemon.setStatus(PveValues.truncate(state == null ? "" : state, STATUS_LENGTH));
        daemon.setVersion(PveValues.truncate(version(fields, metadataFields), VERSION_LENGTH));
        JsonObjectBuilder kept = JsonFactory.object(entry);
        if (cephMetadata != null) {
            kept.add("ceph_metadata", cephMetadata);
        }
        daemon.setMetadata(kept.build());
        return daemon;
    }

    /** The Ceph daemon id: PVE lists {@code pve1}, Ceph itself may say {@code mon.pve1}. */
    static String daemonId(String type, String name) {
        String prefix = type + ".";
        return name.startsWith(prefix) && name.length() > prefix.length() ? name.substring(prefix.length()) : name;
    }

    /**
     * PVE keys mon/mgr/mds metadata {@code "<id>@<host>"}; a daemon whose list entry has no host is found by
     * its id alone when only one key has that id.
     */
    private static JsonObject metadataEntry(JsonObject metadata, String type, String id, String host, String where) {
        JsonValue section = metadata.get(type);
        if (section == null || section.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (section.getValueType() == JsonValue.ValueType.ARRAY) {
            return entryNamed(section.asJsonArray(), id, where + " " + type);
        }
        JsonObject keyed = PveValues.asObject(section, where + " " + type);
        JsonValue exact = host == null ? null : keyed.get(id + "@" + host);
        if (exact != null) {
            return PveValues.asObject(exact, where + " " + type + " " + id + "@" + host);
        }
        List<String> sameId = keyed.keySet().stream()
                .filter(key -> key.equals(id) || key.startsWith(id + "@"))
                .toList();
        return sameId.size() == 1 ? PveValues.asObject(keyed.get(sameId.get(0)), where + " " + type + " " + sameId.get(0)) : null;
    }

    /** A list-shaped metadata section (as Ceph's own {@code mon metadata} is), matched on "name". */
    private static JsonObject entryNamed(JsonArray entries, String id, String where) {
        for (JsonValue value : entries) {
            if (value.getValueType() == JsonValue.ValueType.OBJECT
                    && id.equals(PveFields.of(value.asJsonObject(), where).string("name"))) {
                return value.asJsonObject();
            }
        }
        return null;
    }

    private static String firstText(PveFields entry, PveFields metadata, String entryField, String metadataField) {
        String text = entry.string(entryField);
        if ((text == null || text.isBlank()) && metadata != null) {
            text = metadata.string(metadataField);
        }
        return text == null ? "" : text;
    }

    /** {@code ceph_version_short} of the entry, else of its metadata, else cut from a full version banner. */
    private static String version(PveFields entry, PveFields metadata) {
        for (PveFields source : metadata == null ? List.of(entry) : List.of(entry, metadata)) {
            String version = source.string("ceph_version_short");
            if (version != null && !version.isBlank()) {
                return version;
            }
        }
        for (PveFields source : metadata == null ? List.of(entry) : List.of(entry, metadata)) {
            String banner = source.string("ceph_version");
            Matcher matcher = banner == null ? null : VERSION_IN_BANNER.matcher(banner);
            if (matcher != null && matcher.find()) {
                return matcher.group(1);
            }
        }
        return "";
    }
}
