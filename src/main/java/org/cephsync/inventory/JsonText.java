package org.cephsync.inventory;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;

/** JSON values stored as text columns. */
public final class JsonText {

    /**
     * One JSON-P provider for the application: {@code jakarta.json.Json}'s static methods look the provider up
     * again on every call (a {@link java.util.ServiceLoader} over the class path), which was a third of a
     * 10,000-OSD resync.
     */
    private static final JsonProvider PROVIDER = JsonProvider.provider();

    private JsonText() {
    }

    public static JsonProvider json() {
        return PROVIDER;
    }

    public static JsonValue parse(String text) {
        if (text == null) {
            return null;
        }
        try (JsonReader reader = PROVIDER.createReader(new StringReader(text))) {
            return reader.readValue();
        }
    }

    public static JsonObject parseObject(String text) {
        JsonValue value = parse(text);
        return value == null ? null : value.asJsonObject();
    }

    public static JsonArray parseArray(String text) {
        JsonValue value = parse(text);
        return value == null ? null : value.asJsonArray();
    }

    public static String format(JsonValue value) {
        return value == null ? null : value.toString();
    }

    /** Adds a text value (an instant as ISO 8601), or JSON null for none. */
    public static JsonObjectBuilder addOrNull(JsonObjectBuilder json, String name, Object value) {
        return value == null ? json.addNull(name) : json.add(name, value.toString());
    }
}
