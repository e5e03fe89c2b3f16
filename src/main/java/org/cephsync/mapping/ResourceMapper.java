package org.cephsync.mapping;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.Set;
import org.cephsync.inventory.InventoryRow;

/**
 * The pure half of one resource's sync. {@link #split} cuts what was fetched for one endpoint into
 * self-contained items (each carrying everything its row needs, so items can be staged and mapped one at
 * a time after a restart); {@link #map} turns one item into one inventory row. Neither does I/O.
 */
public interface ResourceMapper {

    /**
     * @param payloads the unwrapped PVE bodies fetched for one endpoint, by PVE path template
     * @return the items to stage, in a stable order
     * @throws MappingException when a payload does not have the shape the resource needs
     */
    List<JsonObject> split(SourcePayloads payloads);

    /**
     * @param item one item produced by {@link #split}
     * @return the row, with every field the item carries; endpoint, id, cluster and times are left to the writer
     * @throws MappingException when the item cannot be mapped
     */
    InventoryRow map(JsonObject item);

    /**
     * Members of a path's body that {@link #split} never reads, so that the source can leave them out while it
     * parses the body instead of building them in memory.
     *
     * @param path a PVE path template of the resource
     */
    default Set<String> unreadMembers(String path) {
        return Set.of();
    }
}
