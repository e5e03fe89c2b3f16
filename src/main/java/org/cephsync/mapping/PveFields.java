package org.cephsync.mapping;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.function.Function;

/**
 * Reads the fields of one source object through {@link PveValues}, so that a value of the wrong kind is
 * reported with the item and the field it came from ({@code "pool vm-pool: field 'size': expected a whole
 * number, got the text \"three\""}) instead of a bare conversion error.
 */
public final class PveFields {

    private final JsonObject object;
    private final String label;

    private PveFields(JsonObject object, String label) {
        this.object = object;
        this.label = label;
    }

    /** @param label how messages name the object, e.g. "osd.3" or "pool vm-pool" */
    public static PveFields of(JsonObject object, String label) {
        return new PveFields(object, label);
    }

    public String label() {
        return label;
    }

    public JsonObject object() {
        return object;
    }

    public boolean has(String field) {
        JsonValue value = object.get(field);
        return value != null && value.getValueType() != JsonValue.ValueType.NULL;
    }

    public JsonValue value(String field) {
        return object.get(field);
    }

    public Long longValue(String field) {
        return read(field, PveValues::asLong);
    }

    public Integer intValue(String field) {
        return read(field, PveValues::asInt);
    }

    public Double doubleValue(String field) {
        return read(field, PveValues::asDouble);
    }

    public Boolean booleanValue(String field) {
        return read(field, PveValues::asBoolean);
    }

    /** The field as text, or null when absent. */
    public String string(String field) {
        return read(field, PveValues::asString);
    }

    /** The field as text, or "" when absent: for the model's NOT NULL text columns. */
    public String text(String field) {
        String text = string(field);
        return text == null ? "" : text;
    }

    /** The field as text; absent or blank is a {@link MappingException}. */
    public String requiredString(String field) {
        String text = string(field);
        if (text == null || text.isBlank()) {
            throw new MappingException(label + ": field '" + field + "' is missing");
        }
        return text;
    }

    /** The field as a whole number; absent is a {@link MappingException}. */
    public long requiredLong(String field) {
        Long number = longValue(field);
        if (number == null) {
            throw new MappingException(label + ": field '" + field + "' is missing");
        }
        return number;
    }

    /** The field as an object, or null when absent. */
    public JsonObject objectValue(String field) {
        return has(field) ? read(field, PveValues::asObject) : null;
    }

    /** The field as a list, or null when absent. */
    public JsonArray arrayValue(String field) {
        return has(field) ? read(field, PveValues::asArray) : null;
    }

    private <T> T read(String field, Function<JsonValue, T> reader) {
        try {
            return reader.apply(object.get(field));
        } catch (MappingException wrongKind) {
            throw new MappingException(label + ": field '" + field + "': " + wrongKind.getMessage(), wrongKind);
        }
    }
}
