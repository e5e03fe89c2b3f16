package org.cephsync.api;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.cephsync.inventory.JsonText;

/** NetBox's list shape: {count, next, previous, results}, with limit/offset links. */
public record Page(int limit, int offset) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 1000;

    public static Page of(UriInfo uri) {
        int limit = number(uri, "limit", DEFAULT_LIMIT);
        int offset = number(uri, "offset", 0);
        if (limit <= 0) {
            limit = DEFAULT_LIMIT;
        }
        return new Page(Math.min(limit, MAX_LIMIT), Math.max(0, offset));
    }

    private static int number(UriInfo uri, String name, int fallback) {
        String value = uri.getQueryParameters().getFirst(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(name + " must be a whole number, not \"" + value + "\"");
        }
    }

    public JsonObject body(UriInfo uri, long count, List<? extends JsonValue> results) {
        JsonArrayBuilder list = JsonText.json().createArrayBuilder();
        results.forEach(list::add);
        JsonObjectBuilder page = JsonText.json().createObjectBuilder().add("count", count);
        if (offset + limit < count) {
            page.add("next", link(uri, offset + limit));
        } else {
            page.addNull("next");
        }
        if (offset > 0) {
            page.add("previous", link(uri, Math.max(0, offset - limit)));
        } else {
            page.addNull("previous");
        }
        return page.add("results", list).build();
    }

    private String link(UriInfo uri, int newOffset) {
        return uri.getRequestUriBuilder().replaceQueryParam("limit", limit)
                .replaceQueryParam("offset", newOffset).build().toString();
    }
}
