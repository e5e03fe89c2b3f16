package org.cephsync.source;

import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.Reader;
import java.io.StringReader;
import org.cephsync.inventory.JsonText;

/** Parsing of source bodies, with errors that say which body was bad. */
final class PveBodies {

    private PveBodies() {
    }

    static JsonValue parse(String what, String text) {
        return parse(what, new StringReader(text));
    }

    static JsonValue parse(String what, Reader text) {
        try (JsonReader reader = JsonText.json().createReader(text)) {
            return reader.readValue();
        } catch (JsonParsingException e) {
            throw new SourceException(what + ": malformed JSON (" + e.getMessage() + ")", e);
        } catch (jakarta.json.JsonException e) {
            throw new SourceException(what + ": unreadable JSON (" + e.getMessage() + ")", e);
        }
    }

    /** The {@code data} member of a PVE-wrapped body. */
    static JsonValue unwrap(String what, JsonValue body) {
        if (body.getValueType() != JsonValue.ValueType.OBJECT || !body.asJsonObject().containsKey("data")) {
            throw new SourceException(what + ": not a Proxmox VE body (no \"data\" member)");
        }
        return body.asJsonObject().get("data");
    }

    /** An endpoint directory page: a list of {@code {id, name, ip_address, domain, port, ...}}. */
    static java.util.List<EndpointInfo> endpoints(String what, JsonValue body) {
        if (body.getValueType() != JsonValue.ValueType.ARRAY) {
            throw new SourceException(what + ": expected a list of endpoints, got " + body.getValueType());
        }
        java.util.List<EndpointInfo> endpoints = new java.util.ArrayList<>();
        for (JsonValue entry : body.asJsonArray()) {
            if (entry.getValueType() != JsonValue.ValueType.OBJECT) {
                throw new SourceException(what + ": an endpoint entry is not an object: " + entry);
            }
            jakarta.json.JsonObject e = entry.asJsonObject();
            String name = text(e, "name");
            String id = text(e, "id");
            if (name == null || id == null) {
                throw new SourceException(what + ": an endpoint entry lacks its id or name: " + e);
            }
            String port = text(e, "port");
            try {
                endpoints.add(new EndpointInfo(Long.parseLong(id), name, text(e, "domain"), text(e, "ip_address"),
                        port == null ? null : Integer.valueOf(port)));
            } catch (NumberFormatException ex) {
                throw new SourceException(what + ": endpoint " + name + " has a non-numeric id or port", ex);
            }
        }
        return endpoints;
    }

    private static String text(jakarta.json.JsonObject o, String key) {
        JsonValue v = o.get(key);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        return v.getValueType() == JsonValue.ValueType.STRING ? o.getString(key) : v.toString();
    }
}
