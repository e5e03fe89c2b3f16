package org.cephsync.batch;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.cephsync.inventory.InventoryRow;

/**
 * The rows a step's fetch mapped, by execution, resource and endpoint, for the partition that writes them:
 * the step's and the partitions' contexts are not shared, this server's memory is. A partition that finds
 * nothing here (a restart, a read too big to keep) maps its endpoint's staged items instead, so what it
 * writes never depends on this.
 */
@ApplicationScoped
public class MappedReads {

    private record Key(long executionId, String resource, long endpointId) {
    }

    private final Map<Key, List<InventoryRow>> rows = new ConcurrentHashMap<>();

    void keep(long executionId, String resource, Map<Long, List<InventoryRow>> byEndpoint) {
        byEndpoint.forEach((endpointId, mapped) -> rows.put(new Key(executionId, resource, endpointId), mapped));
    }

    /** The endpoint's mapped rows, handed over once. */
    Optional<List<InventoryRow>> take(long executionId, String resource, long endpointId) {
        return Optional.ofNullable(rows.remove(new Key(executionId, resource, endpointId)));
    }

    /** Forgets what the step's partitions did not take (they failed or were stopped before reading). */
    void drop(long executionId, String resource) {
        rows.keySet().removeIf(key -> key.executionId() == executionId && key.resource().equals(resource));
    }
}
