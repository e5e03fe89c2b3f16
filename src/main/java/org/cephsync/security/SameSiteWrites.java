package org.cephsync.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Keeps API answers out of caches ({@code Cache-Control: no-store}) and refuses a state-changing call
 * (anything but GET, HEAD, OPTIONS) that a browser sends from another site: Basic credentials a browser has
 * cached go with any request to this origin, so a form on another page could otherwise start, stop or restart
 * runs. Refused with 403: a browser's {@code Sec-Fetch-Site} other than same-origin or none, else an
 * {@code Origin} whose host and port are not this request's; and a body that is not JSON (a form can send
 * only form encodings and text/plain without asking first). Scripts (curl, pynetbox) send neither header and
 * JSON bodies, so they are not affected.
 */
@WebFilter(filterName = "ceph-sync-api-same-site", urlPatterns = {"/api", "/api/*"})
public class SameSiteWrites extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Set<String> SAME_SITE = Set.of("same-origin", "none");

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("Cache-Control", "no-store");
        if (!ApiPaths.isRead(request)) {
            Optional<String> refusal = crossSite(request).or(() -> notJson(request));
            if (refusal.isPresent()) {
                ProblemResponses.forbidden(response, refusal.get());
                return;
            }
        }
        chain.doFilter(request, response);
    }

    static Optional<String> crossSite(HttpServletRequest request) {
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null) {
            return SAME_SITE.contains(site.toLowerCase(Locale.ROOT)) ? Optional.empty()
                    : Optional.of(request.getMethod() + " from another site (Sec-Fetch-Site: " + site + ") is refused");
        }
        String origin = request.getHeader("Origin");
        if (origin == null) {
            return Optional.empty();
        }
        String host = Optional.ofNullable(request.getHeader("X-Forwarded-Host")).orElse(request.getHeader("Host"));
        return authority(origin).filter(a -> a.equalsIgnoreCase(host)).isPresent() ? Optional.empty()
                : Optional.of(request.getMethod() + " from origin " + origin + " is refused: this API is at " + host);
    }

    static Optional<String> notJson(HttpServletRequest request) {
        String type = request.getContentType();
        boolean body = request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
        if (type == null ? !body : isJson(type)) {
            return Optional.empty();
        }
        return Optional.of(request.getMethod() + " needs a JSON body (Content-Type: application/json), or none; got "
                + (type == null ? "a body without a Content-Type" : type));
    }

    private static boolean isJson(String contentType) {
        String media = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return media.equals("application/json") || media.startsWith("application/") && media.endsWith("+json");
    }

    /** host[:port] of an origin as the browser sent it; empty for "null" or anything unparsable. */
    private static Optional<String> authority(String origin) {
        try {
            return Optional.ofNullable(URI.create(origin).getRawAuthority());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
