package org.cephsync.store;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import org.cephsync.inventory.JsonText;

/** How reading one resource from one endpoint went: ok (and how many items), or the error. */
public record EndpointOutcome(long id, String name, boolean ok, long fetched, String error) {

    public static EndpointOutcome ok(long id, String name, long fetched) {
        return new EndpointOutcome(id, name, true, fetched, null);
    }

    public static EndpointOutcome failed(long id, String name, String error) {
        return new EndpointOutcome(id, name, false, 0, error);
    }

    public JsonObject toJson() {
        JsonObjectBuilder json = Json.createObjectBuilder().add("id", id).add("name", name)
                .add("status", ok ? "ok" : "error").add("fetched", fetched);
        if (error != null) {
            json.add("error", error);
        }
        return json.build();
    }

    public static String toText(List<EndpointOutcome> outcomes) {
        JsonArrayBuilder list = Json.createArrayBuilder();
        outcomes.forEach(o -> list.add(o.toJson()));
        return list.build().toString();
    }

    public static List<EndpointOutcome> fromText(String text) {
        List<EndpointOutcome> outcomes = new ArrayList<>();
        JsonArray list = text == null ? JsonValue.EMPTY_JSON_ARRAY : JsonText.parseArray(text);
        for (JsonValue value : list) {
            JsonObject o = value.asJsonObject();
            outcomes.add(new EndpointOutcome(o.getJsonNumber("id").longValue(), o.getString("name"),
                    "ok".equals(o.getString("status")), o.getJsonNumber("fetched").longValue(), o.getString("error", null)));
        }
        return outcomes;
    }
}
