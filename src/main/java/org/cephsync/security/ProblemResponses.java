package org.cephsync.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.cephsync.inventory.JsonText;

/** 401, 403 and 429 as problem details (RFC 9457), written before any application code runs. */
final class ProblemResponses {

    static final String REALM = "ceph-sync";

    private ProblemResponses() {
    }

    static void unauthorized(HttpServletRequest request, HttpServletResponse response, String detail) throws IOException {
        // A browser shows its own login dialog on a Basic challenge; the web console (which marks its calls with
        // X-Requested-With) has its own login form, so it gets the 401 without the challenge.
        if (request.getHeader("X-Requested-With") == null) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"");
        }
        write(response, 401, "Unauthorized", detail);
    }

    static void tooManyRequests(HttpServletResponse response, long retryAfterSeconds, String detail) throws IOException {
        response.setHeader("Retry-After", Long.toString(retryAfterSeconds));
        write(response, 429, "Too Many Requests", detail);
    }

    static void forbidden(HttpServletResponse response, String detail) throws IOException {
        write(response, 403, "Forbidden", detail);
    }

    private static void write(HttpServletResponse response, int status, String title, String detail) throws IOException {
        byte[] body = JsonText.json().createObjectBuilder()
                .add("type", "about:blank")
                .add("title", title)
                .add("status", status)
                .add("detail", detail)
                .build().toString().getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        response.flushBuffer();
    }
}
