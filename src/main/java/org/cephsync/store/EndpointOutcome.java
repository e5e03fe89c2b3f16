package org.cephsync.store;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import org.cephsync.inventory.JsonText;

/**
 * How one endpoint of one resource stands in a run: {@code fetched} (read and staged, its rows not all
 * written yet), {@code ok} (every row written and the deletions reflected, in the transaction of its last
 * chunk), or {@code error} (it could not be read; a restart reads it again).
 */
public record EndpointOutcome(long id, String name, String status, long fetched, String error) {

    public static final String FETCHED = "fetched";
    public static final String OK = "ok";
    public static final String ERROR = "error";

    public static EndpointOutcome fetched(long id, String name, long items) {
        return new EndpointOutcome(id, name, FETCHED, items, null);
    }

    public static EndpointOutcome failed(long id, String name, String error) {
        return new EndpointOutcome(id, name, ERROR, 0, ErrorText.limit(error));
    }

    public EndpointOutcome completed() {
        return new EndpointOutcome(id, name, OK, fetched, null);
    }

    /** Written whole: nothing of this endpoint is left to do in this stage. */
    public boolean complete() {
        return OK.equals(status);
    }

    public boolean failed() {
        return ERROR.equals(status);
    }

    public JsonObject toJson() {
        JsonObjectBuilder json = JsonText.json().createObjectBuilder().add("id", id).add("name", name)
                .add("status", status).add("fetched", fetched);
        if (error != null) {
            json.add("error", error);
        }
        return json.build();
    }

    public static String toText(List<EndpointOutcome> outcomes) {
        JsonArrayBuilder list = JsonText.json().createArrayBuilder();
        outcomes.forEach(o -> list.add(o.toJson()));
        return list.build().toString();
    }

    public static List<EndpointOutcome> fromText(String text) {
        List<EndpointOutcome> outcomes = new ArrayList<>();
        JsonArray list = text == null ? JsonValue.EMPTY_JSON_ARRAY : JsonText.parseArray(text);
        for (JsonValue value : list) {
            JsonObject o = value.asJsonObject();
            outcomes.add(new EndpointOutcome(o.getJsonNumber("id").longValue(), o.getString("name"),
                    o.getString("status"), o.getJsonNumber("fetched").longValue(), o.getString("error", null)));
        }
        return outcomes;
    }

    /** {@code outcomes} with {@code outcome} in place of any earlier outcome of the same endpoint. */
    public static List<EndpointOutcome> replace(List<EndpointOutcome> outcomes, EndpointOutcome outcome) {
        List<EndpointOutcome> merged = new ArrayList<>(outcomes);
        merged.removeIf(o -> o.id() == outcome.id());
        merged.add(outcome);
        return merged;
    }
}
