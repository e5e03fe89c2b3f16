package org.cephsync.mapping;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.spi.JsonProvider;
import java.util.Collection;
import org.cephsync.inventory.JsonText;

/**
 * JSON-P builders for the mappers, from one provider looked up once. {@code jakarta.json.Json}'s static
 * methods look the provider up again on every call ({@link JsonProvider#provider()} runs a
 * {@link java.util.ServiceLoader} over the class path, opening jar entries and stat-ing files), and the mappers
 * build several objects per item: splitting and mapping 10,000 OSDs spent most of its time there (split 5.9 s
 * to 0.4 s, 30,000 maps 5.0 s to 0.5 s, outside the server; scripts/benchmark.sh, README "Benchmark").
 */
final class JsonFactory {

    private static final JsonProvider PROVIDER = JsonText.json();

    private JsonFactory() {
    }

    static JsonObjectBuilder object() {
        return PROVIDER.createObjectBuilder();
    }

    static JsonObjectBuilder object(JsonObject copy) {
        return PROVIDER.createObjectBuilder(copy);
    }

    static JsonArrayBuilder array() {
        return PROVIDER.createArrayBuilder();
    }

    static JsonArrayBuilder array(Collection<?> values) {
        return PROVIDER.createArrayBuilder(values);
    }

    static JsonString value(String text) {
        return PROVIDER.createValue(text);
    }
}
