package org.cephsync.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Roles for every API call, by HTTP method, so that resources added later are covered without annotations:
 * reading (GET, HEAD, OPTIONS) needs {@link Roles#READER} or {@link Roles#ADMIN}; anything else (starting,
 * restarting, stopping syncs, changing settings, merging branches) needs {@link Roles#ADMIN}.
 * {@code GET /api/whoami} only needs a known user, so that the console can tell a user without a role why.
 */
@WebFilter(filterName = "ceph-sync-api-roles", urlPatterns = {"/api", "/api/*"})
public class ApiAuthorizationFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getUserPrincipal() == null) {
            ProblemResponses.unauthorized(request, response, "this API needs HTTP Basic credentials of a user with role "
                    + Roles.READER + " or " + Roles.ADMIN);
            return;
        }
        boolean admin = request.isUserInRole(Roles.ADMIN);
        if (ApiPaths.isRead(request)) {
            if (!admin && !request.isUserInRole(Roles.READER) && !isWhoAmI(request)) {
                ProblemResponses.forbidden(response, "reading needs role " + Roles.READER + " or " + Roles.ADMIN
                        + "; user " + request.getUserPrincipal().getName() + " has neither");
                return;
            }
        } else if (!admin) {
            ProblemResponses.forbidden(response, request.getMethod() + " " + path(request) + " needs role " + Roles.ADMIN
                    + "; user " + request.getUserPrincipal().getName() + " does not have it");
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean isWhoAmI(HttpServletRequest request) {
        return "/api/whoami".equals(path(request));
    }

    private static String path(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String context = request.getContextPath();
        return uri.startsWith(context) ? uri.substring(context.length()) : uri;
    }
}
