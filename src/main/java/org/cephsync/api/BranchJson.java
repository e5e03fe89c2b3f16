package org.cephsync.api;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import org.cephsync.store.Branch;
import org.cephsync.store.BranchChange;
import org.cephsync.inventory.JsonText;

/** Branches and changes in netbox-branching's JSON shape. */
final class BranchJson {

    private BranchJson() {
    }

    static JsonObject branch(UriInfo uri, Branch b) {
        JsonObjectBuilder json = JsonText.json().createObjectBuilder()
                .add("id", b.getId())
                .add("url", uri.getBaseUriBuilder().path("plugins/branching/branches/{id}/").build(b.getId()).toString())
                .add("display", b.getName())
                .add("name", b.getName())
                .add("schema_id", b.getSchemaId())
                .add("status", b.getStatus());
        time(json, "created", b.getCreated());
        time(json, "last_updated", b.getLastUpdated());
        time(json, "merged_time", b.getMergedTime());
        if (b.getInstanceId() == null) {
            json.addNull("sync_instance_id");
        } else {
            json.add("sync_instance_id", b.getInstanceId());
        }
        return json.build();
    }

    static JsonObject change(BranchChange c) {
        JsonObjectBuilder json = JsonText.json().createObjectBuilder()
                .add("id", c.getId())
                .add("branch", c.getBranchId())
                .add("object_type", "netbox_ceph." + c.getModel())
                .add("object_id", c.getObjectId())
                .add("object_repr", c.display())
                .add("endpoint", c.getEndpoint())
                .add("action", c.getAction())
                .add("original", orNull(c.getOriginal()))
                .add("modified", orNull(c.getModified()))
                .add("conflicts", c.getConflicts() == null ? JsonValue.EMPTY_JSON_ARRAY : c.getConflicts())
                .add("has_conflicts", c.hasConflicts());
        time(json, "last_updated", c.getLastUpdated());
        return json.build();
    }

    private static JsonValue orNull(JsonValue value) {
        return value == null ? JsonValue.NULL : value;
    }

    private static void time(JsonObjectBuilder json, String name, Instant time) {
        if (time == null) {
            json.addNull(name);
        } else {
            json.add(name, time.toString());
        }
    }
}
