package org.cephsync.api;

import jakarta.json.JsonObject;
import jakarta.ws.rs.WebApplicationException;

/** An error answered as problem details. */
public class ApiException extends WebApplicationException {

    private static final long serialVersionUID = 1L;

    public ApiException(int status, String title, String detail) {
        super(detail, Problem.response(status, title, detail));
    }

    public ApiException(int status, JsonObject body) {
        super(body.getString("detail", body.getString("title")), Problem.response(status, body));
    }

    public static ApiException badRequest(String detail) {
        return new ApiException(400, "Bad Request", detail);
    }

    public static ApiException notFound(String detail) {
        return new ApiException(404, "Not Found", detail);
    }

    public static ApiException conflict(String detail) {
        return new ApiException(409, "Conflict", detail);
    }

    public static ApiException methodNotAllowed(String method) {
        return new ApiException(405, "Method Not Allowed", method + " is not allowed: the inventory is read-only");
    }
}
