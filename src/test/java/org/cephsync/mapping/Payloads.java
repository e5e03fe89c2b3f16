package org.cephsync.mapping;

import jakarta.json.JsonValue;
import java.util.LinkedHashMap;
import java.util.Map;
import org.cephsync.resource.CephResource;

/** Hand-written source bodies for one endpoint, given as JSON text by path template. */
final class Payloads {

    static final String ENDPOINT = "lab";
    static final String CLUSTER_STATUS = """
            [{"type": "cluster", "name": "lab", "quorate": 1},
             {"type": "node", "name": "pve1", "online": 1, "local": 1}]""";

    private final Map<String, JsonValue> bodies = new LinkedHashMap<>();

    private Payloads() {
        with(CephResource.CLUSTER_STATUS, CLUSTER_STATUS);
    }

    static Payloads withClusterStatus() {
        return new Payloads();
    }

    Payloads with(String path, String json) {
        bodies.put(path, FixtureScenario.parse(json));
        return this;
    }

    SourcePayloads build() {
        return new SourcePayloads(ENDPOINT, Map.copyOf(bodies));
    }
}
