package org.cephsync.batch;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonValue;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Each endpoint's {@code /cluster/status} as this execution first read it. Every resource's fetch needs it (it
 * names the cluster and the node to ask); one request per endpoint and execution is enough, and every step of
 * a run then asks the same node. A restart is a new execution and reads it again.
 */
@ApplicationScoped
public class ClusterStatuses {

    private record Key(long executionId, long endpointId) {
    }

    private final Map<Key, JsonValue> read = new ConcurrentHashMap<>();

    /** The status this execution read for the endpoint, or what {@code request} reads now (kept only if it answers). */
    JsonValue of(long executionId, long endpointId, Supplier<JsonValue> request) {
        Key key = new Key(executionId, endpointId);
        JsonValue known = read.get(key);
        if (known != null) {
            return known;
        }
        // not computeIfAbsent: no request while the map holds a lock
        JsonValue answered = request.get();
        JsonValue first = read.putIfAbsent(key, answered);
        return first != null ? first : answered;
    }

    void forget(long executionId) {
        read.keySet().removeIf(key -> key.executionId() == executionId);
    }
}
