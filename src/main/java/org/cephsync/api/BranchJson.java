package org.cephsync.api;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.UriInfo;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.cephsync.inventory.InventoryJson;
import org.cephsync.inventory.InventoryModel;
import org.cephsync.store.Branch;
import org.cephsync.store.BranchChange;
import org.cephsync.inventory.JsonText;

/** Branches and changes in netbox-branching's JSON shape. */
final class BranchJson {

    private BranchJson() {
    }

    /** netbox-branching's Branch fields, and the run that wrote it ({@code sync_instance_id}). */
    static JsonObject branch(UriInfo uri, Branch b) {
        JsonObjectBuilder json = JsonText.json().createObjectBuilder()
                .add("id", b.getId())
                .add("url", uri.getBaseUriBuilder().path("plugins/branching/branches/{id}/").build(b.getId()).toString())
                .add("display", b.getName())
                .add("name", b.getName())
                .addNull("owner")
                .add("description", b.getInstanceId() == null ? "" : "written by ceph-sync run " + b.getInstanceId())
                .add("schema_id", b.getSchemaId())
                .add("status", b.getStatus());
        // provisioned from main when its run began; ceph-sync never syncs a branch from main afterwards
        JsonText.addOrNull(json, "last_sync", b.getCreated());
        JsonText.addOrNull(json, "merged_time", b.getMergedTime());
        JsonText.addOrNull(json, "merged_by", b.getMergedBy());
        json.add("comments", "").add("tags", JsonValue.EMPTY_JSON_ARRAY).add("custom_fields", JsonValue.EMPTY_JSON_OBJECT);
        JsonText.addOrNull(json, "created", b.getCreated());
        JsonText.addOrNull(json, "last_updated", b.getLastUpdated());
        if (b.getInstanceId() == null) {
            json.addNull("sync_instance_id");
        } else {
            json.add("sync_instance_id", b.getInstanceId());
        }
        return json.build();
    }

    /**
     * netbox-branching's ChangeDiff fields ({@code current} is main's row now, null when main has none), then
     * ceph-sync's own: the endpoint, the rows as {@code original} and {@code modified}, {@code has_conflicts}.
     */
    static JsonObject change(BranchChange c, JsonObject current) {
        JsonObject original = c.getOriginal();
        JsonObject modified = c.getModified();
        JsonObjectBuilder json = JsonText.json().createObjectBuilder()
                .add("id", c.getId())
                .add("display", c.getAction() + " " + c.display())
                .add("branch", c.getBranchId())
                .add("object_type", "netbox_ceph." + InventoryModel.byPath(c.getModel()).map(InventoryModel::entityName)
                        .orElse(c.getModel()).toLowerCase(Locale.ROOT))
                .add("object_id", c.getObjectId() == null ? JsonValue.NULL : JsonText.json().createValue(c.getObjectId()))
                .add("object_repr", c.display())
                .add("action", c.getAction())
                .add("conflicts", c.getConflicts() == null ? JsonValue.EMPTY_JSON_ARRAY : c.getConflicts())
                .add("diff", diff(original, modified, current))
                .add("original_data", orNull(original))
                .add("modified_data", orNull(modified))
                .add("current_data", orNull(current));
        JsonText.addOrNull(json, "last_updated", c.getLastUpdated());
        return json.add("endpoint", c.getEndpoint())
                .add("original", orNull(original))
                .add("modified", orNull(modified))
                .add("has_conflicts", c.hasConflicts())
                .build();
    }

    /** The fields that differ among the three versions (bookkeeping aside), each version's values of them. */
    static JsonObject diff(JsonObject original, JsonObject modified, JsonObject current) {
        Set<String> fields = new TreeSet<>();
        for (JsonObject version : Arrays.asList(original, modified, current)) {
            if (version != null) {
                fields.addAll(version.keySet());
            }
        }
        fields.removeAll(InventoryJson.BOOKKEEPING);
        fields.removeIf(f -> Objects.equals(value(original, f), value(modified, f)) && Objects.equals(value(original, f), value(current, f)));
        JsonObjectBuilder diff = JsonText.json().createObjectBuilder();
        diff.add("original", only(original, fields)).add("modified", only(modified, fields)).add("current", only(current, fields));
        return diff.build();
    }

    private static JsonValue value(JsonObject version, String field) {
        return version == null ? null : version.get(field);
    }

    private static JsonValue only(JsonObject version, Set<String> fields) {
        if (version == null) {
            return JsonValue.NULL;
        }
        JsonObjectBuilder part = JsonText.json().createObjectBuilder();
        fields.stream().filter(version::containsKey).forEach(f -> part.add(f, version.get(f)));
        return part.build();
    }

    private static JsonValue orNull(JsonValue value) {
        return value == null ? JsonValue.NULL : value;
    }
}
