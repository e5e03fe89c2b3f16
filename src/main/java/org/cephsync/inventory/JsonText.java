package org.cephsync.inventory;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;

/** JSON values stored as text columns. */
public final class JsonText {

    private JsonText() {
    }

    public static JsonValue parse(String text) {
        if (text == null) {
            return null;
        }
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
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
}
