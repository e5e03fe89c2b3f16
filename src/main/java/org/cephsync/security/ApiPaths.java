package org.cephsync.security;

import jakarta.servlet.http.HttpServletRequest;

/** Which requests are API calls: everything under {@code /api} of this application. */
final class ApiPaths {

    private ApiPaths() {
    }

    static boolean isApi(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String context = request.getContextPath();
        String path = uri.startsWith(context) ? uri.substring(context.length()) : uri;
        // a path parameter or a doubled slash must not sneak past the check
        path = path.replaceAll("/+", "/");
        int semicolon = path.indexOf(';');
        if (semicolon >= 0) {
            path = path.substring(0, semicolon);
        }
        return path.equals("/api") || path.startsWith("/api/");
    }

    /** Reading calls; everything else changes something and needs {@link Roles#ADMIN}. */
    static boolean isRead(HttpServletRequest request) {
        String method = request.getMethod();
        return "GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method);
    }
}
