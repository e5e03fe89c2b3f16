package org.cephsync.security;

import jakarta.servlet.http.HttpServletRequest;

/** Which requests are API calls: everything under {@code /api} of this application. */
final class ApiPaths {

    /** NetBox's way to get a token with a user name and password: the one API call without credentials. */
    static final String TOKEN_PROVISIONING = "/api/users/tokens/provision";
    private static final String TOKENS = "/api/users/tokens/";

    private ApiPaths() {
    }

    static boolean isApi(HttpServletRequest request) {
        String path = path(request);
        return path.equals("/api") || path.startsWith("/api/");
    }

    /** Reading calls; everything else changes something and needs {@link Roles#ADMIN}. */
    static boolean isRead(HttpServletRequest request) {
        String method = request.getMethod();
        return "GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method);
    }

    static boolean isTokenProvisioning(HttpServletRequest request) {
        return "POST".equals(request.getMethod()) && TOKEN_PROVISIONING.equals(path(request));
    }

    /** {@code DELETE /api/users/tokens/{id}/}: any user may revoke their own tokens (the resource checks whose). */
    static boolean isTokenRevocation(HttpServletRequest request) {
        return "DELETE".equals(request.getMethod()) && path(request).matches(TOKENS + "\\d+");
    }

    /**
     * The path within the application, without a path parameter, doubled slashes or a trailing slash, so that
     * none of them sneaks past a check.
     */
    static String path(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String context = request.getContextPath();
        String path = uri.startsWith(context) ? uri.substring(context.length()) : uri;
        path = path.replaceAll("/+", "/");
        int semicolon = path.indexOf(';');
        if (semicolon >= 0) {
            path = path.substring(0, semicolon);
        }
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
