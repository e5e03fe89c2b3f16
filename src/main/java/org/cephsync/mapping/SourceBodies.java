package org.cephsync.mapping;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/** Reads the fetched bodies of one endpoint in the shape a mapper needs, naming endpoint and path on error. */
final class SourceBodies {

    private SourceBodies() {
    }

    static JsonObject object(SourcePayloads payloads, String path) {
        return PveValues.asObject(payloads.get(path), where(payloads, path));
    }

    /** A body that is a list of objects, e.g. the pool list. */
    static List<JsonObject> objects(SourcePayloads payloads, String path) {
        String where = where(payloads, path);
        JsonArray list = PveValues.asArray(payloads.get(path), where);
        List<JsonObject> objects = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            objects.add(PveValues.asObject(list.get(i), where + " entry #" + i));
        }
        return objects;
    }

    static String where(SourcePayloads payloads, String path) {
        return "endpoint " + payloads.endpointName() + ", " + path;
    }
}
