package org.cephsync.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.cephsync.inventory.InventoryRow;

/** Runs a mapper the way the job does (split, then map each item) and finds rows by key. */
final class Rows {

    private Rows() {
    }

    static <T extends InventoryRow> List<T> of(ResourceMapper mapper, SourcePayloads payloads, Class<T> type) {
        return mapper.split(payloads).stream()
                .map(mapper::map)
                .filter(type::isInstance)
                .map(type::cast)
                .toList();
    }

    static <T> Map<String, T> byKey(List<T> rows, Function<T, String> key) {
        Map<String, T> byKey = rows.stream().collect(Collectors.toMap(key, row -> row));
        assertEquals(rows.size(), byKey.size(), "keys are unique");
        return byKey;
    }

    static <T> T only(List<T> rows, Class<T> type) {
        assertEquals(1, rows.size());
        return assertInstanceOf(type, rows.get(0));
    }

    /** Fields the writer sets: a mapper leaves them alone. */
    static void assertWriterFieldsUnset(InventoryRow row) {
        assertTrue(row.getId() == null && row.getEndpoint() == null && row.getCreated() == null
                && row.getLastUpdated() == null && row.getLastSeenAt() == null, "writer fields unset on " + row.naturalKey());
    }

    static List<String> strings(JsonArray array) {
        return array.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }

    static JsonObject object(JsonValue value) {
        return value.asJsonObject();
    }
}
