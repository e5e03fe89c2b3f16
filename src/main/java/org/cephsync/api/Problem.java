package org.cephsync.api;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.Response;
import org.cephsync.inventory.JsonText;

/** RFC 9457 problem details, the body of every error this API returns. */
public final class Problem {

    public static final String MEDIA_TYPE = "application/problem+json";

    private Problem() {
    }

    public static Response response(int status, String title, String detail) {
        return response(status, base(status, title, detail).build());
    }

    public static JsonObjectBuilder base(int status, String title, String detail) {
        JsonObjectBuilder body = JsonText.json().createObjectBuilder()
                .add("type", "about:blank")
                .add("title", title)
                .add("status", status);
        if (detail != null) {
            body.add("detail", detail);
        }
        return body;
    }

    public static Response response(int status, JsonObject body) {
        return Response.status(status).type(MEDIA_TYPE).entity(body.toString()).build();
    }
}
