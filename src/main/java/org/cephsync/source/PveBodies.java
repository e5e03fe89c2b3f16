package org.cephsync.source;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import java.io.Reader;
import java.io.StringReader;
import java.util.Set;
import org.cephsync.inventory.JsonText;

/** Parsing of source bodies, with errors that say which body was bad. */
final class PveBodies {

    private PveBodies() {
    }

    static JsonValue parse(String what, String text) {
        return parse(what, new StringReader(text), Set.of());
    }

    static JsonValue parse(String what, String text, Set<String> unreadMembers) {
        return parse(what, new StringReader(text), unreadMembers);
    }

    /**
     * A body, without the members named in {@code unreadMembers} where they are members of the body itself or
     * of an object it holds (a PVE body's {@code data}, whose members proxbox-api answers at the top): those are
     * skipped by the parser, never built. {@code /cluster/ceph/metadata}'s {@code osd} section is ~92 MB of
     * heap for 10,000 OSDs that the daemons do not need.
     */
    static JsonValue parse(String what, Reader text, Set<String> unreadMembers) {
        if (unreadMembers.isEmpty()) {
            return parse(what, text);
        }
        try (JsonParser parser = JsonText.json().createParser(text)) {
            if (parser.next() != JsonParser.Event.START_OBJECT) {
                return parser.getValue();
            }
            JsonObject body = objectWithout(parser, unreadMembers, 2);
            if (parser.hasNext()) {
                throw new SourceException(what + ": malformed JSON (more after the body)");
            }
            return body;
        } catch (JsonParsingException e) {
            throw new SourceException(what + ": malformed JSON (" + e.getMessage() + ")", e);
        } catch (jakarta.json.JsonException | IllegalStateException | java.util.NoSuchElementException e) {
            throw new SourceException(what + ": unreadable JSON (" + e.getMessage() + ")", e);
        }
    }

    /** The rest of an object whose START_OBJECT the parser has just read, its unread members skipped to a depth. */
    private static JsonObject objectWithout(JsonParser parser, Set<String> unreadMembers, int depth) {
        JsonObjectBuilder object = JsonText.json().createObjectBuilder();
        for (JsonParser.Event event = parser.next(); event != JsonParser.Event.END_OBJECT; event = parser.next()) {
            String name = parser.getString();
            JsonParser.Event value = parser.next();
            if (unreadMembers.contains(name)) {
                skip(parser, value);
            } else if (value == JsonParser.Event.START_OBJECT && depth > 1) {
                object.add(name, objectWithout(parser, unreadMembers, depth - 1));
            } else {
                object.add(name, parser.getValue());
            }
        }
        return object.build();
    }

    /**
     * Reads past a value whose first event the parser has just given, building nothing. Not Parsson's
     * skipObject/skipArray: on a malformed array (e.g. {@code [1, }}) they loop for ever.
     */
    private static void skip(JsonParser parser, JsonParser.Event first) {
        int depth = first == JsonParser.Event.START_OBJECT || first == JsonParser.Event.START_ARRAY ? 1 : 0;
        while (depth > 0) {
            switch (parser.next()) {
                case START_OBJECT, START_ARRAY -> depth++;
                case END_OBJECT, END_ARRAY -> depth--;
                default -> {
                }
            }
        }
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
