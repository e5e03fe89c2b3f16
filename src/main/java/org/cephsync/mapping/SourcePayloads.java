package org.cephsync.mapping;

import jakarta.json.JsonValue;
import java.util.Map;

/**
 * The unwrapped PVE bodies fetched for one resource of one endpoint, keyed by PVE path template
 * (e.g. {@code /nodes/{node}/ceph/osd}); {@code /cluster/status} is always present.
 *
 * @param endpointName the Proxmox endpoint they were read from
 * @param bodies       body by path template
 */
public record SourcePayloads(String endpointName, Map<String, JsonValue> bodies) {

    public JsonValue get(String pathTemplate) {
        JsonValue body = bodies.get(pathTemplate);
        if (body == null) {
            throw new MappingException(endpointName + ": nothing was read from " + pathTemplate);
        }
        return body;
    }
}
