package org.cephsync.store;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.cephsync.inventory.InventoryJson;
import org.cephsync.inventory.JsonText;

/**
 * netbox-branching's merge rules over rows in their JSON form, as pure functions. A field is in conflict
 * when both main (since the branch first changed the row) and the branch changed it, to different values;
 * a field only main changed is no conflict and survives, because a merge applies only the fields the
 * branch changed. A branch deleting a row main updated, or updating a row main deleted, is a conflict on
 * the row; so is a row the branch created that main created too, differently.
 */
public final class MergeRules {

    public static final String DELETED_IN_MAIN = "deleted in main";
    public static final String CREATED_IN_MAIN = "created in main too";

    private MergeRules() {
    }

    /**
     * @param action   the branch's change: create, update or delete
     * @param original the row as main had it when the branch first changed it (null for a create)
     * @param modified the branch's row (null for a delete)
     * @param main     the row in main now, by id (for a create: by natural key); null when there is none
     * @return the conflicting fields, or the row-level conflict; empty when the change merges cleanly
     */
    public static Set<String> conflicts(String action, JsonObject original, JsonObject modified, JsonObject main) {
        Set<String> fields = new TreeSet<>();
        switch (action) {
            case BranchChange.CREATE -> {
                if (main != null && !InventoryJson.content(main).equals(InventoryJson.content(modified))) {
                    fields.add(CREATED_IN_MAIN);
                }
            }
            case BranchChange.UPDATE -> {
                if (main == null) {
                    fields.add(DELETED_IN_MAIN);
                    break;
                }
                JsonObject now = InventoryJson.content(main);
                JsonObject before = InventoryJson.content(original);
                JsonObject mine = InventoryJson.content(modified);
                for (String field : changedFields(before, mine)) {
                    if (!Objects.equals(now.get(field), before.get(field)) && !Objects.equals(now.get(field), mine.get(field))) {
                        fields.add(field);
                    }
                }
            }
            case BranchChange.DELETE -> {
                if (main != null) {
                    fields.addAll(changedFields(InventoryJson.content(original), InventoryJson.content(main)));
                }
            }
            default -> throw new IllegalArgumentException("not a change action: " + action);
        }
        return fields;
    }

    /** The fields whose values differ between two rows' contents. */
    public static Set<String> changedFields(JsonObject before, JsonObject after) {
        Set<String> names = new TreeSet<>(before.keySet());
        names.addAll(after.keySet());
        names.removeIf(name -> Objects.equals(before.get(name), after.get(name)));
        return names;
    }

    /** Main's row with the fields the branch changed taken from the branch's row; last_updated now. */
    public static JsonObject applyUpdate(JsonObject main, JsonObject original, JsonObject modified, Instant now) {
        return withFields(main, modified, changedFields(InventoryJson.content(original), InventoryJson.content(modified)), now);
    }

    /** Main's row with every content field of the branch's row (a create meeting main's twin, acknowledged). */
    public static JsonObject applyCreateOver(JsonObject main, JsonObject modified, Instant now) {
        return withFields(main, modified, InventoryJson.content(modified).keySet(), now);
    }

    private static JsonObject withFields(JsonObject base, JsonObject source, Set<String> fields, Instant now) {
        JsonObjectBuilder merged = JsonText.json().createObjectBuilder(base);
        for (String field : fields) {
            merged.add(field, source.getOrDefault(field, JsonValue.NULL));
        }
        return merged.add("last_updated", now.toString()).build();
    }
}
