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
 * A token without write_enabled may only read, whatever its user's roles. Token provisioning needs no
 * login (it carries one), and revoking a token only a known user.
 */
@WebFilter(filterName = "ceph-sync-api-roles", urlPatterns = {"/api", "/api/*"})
public class ApiAuthorizationFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (ApiPaths.isTokenProvisioning(request)) {
            // the resource checks the user name and password in the body, whoever else the caller is
            chain.doFilter(request, response);
            return;
        }
        if (request.getUserPrincipal() == null) {
            ProblemResponses.unauthorized(request, response, "this API needs HTTP Basic credentials or a NetBox API token"
                    + " of a user with role " + Roles.READER + " or " + Roles.ADMIN);
            return;
        }
        boolean admin = request.isUserInRole(Roles.ADMIN);
        if (!ApiPaths.isRead(request) && request.getAttribute(ApiAuthenticationMechanism.READ_ONLY_TOKEN) != null) {
            ProblemResponses.forbidden(response, request.getMethod() + " " + ApiPaths.path(request) + " is refused: this API"
                    + " token is not write-enabled (write_enabled false)");
            return;
        }
        if (ApiPaths.isTokenRevocation(request)) {
            // any user may revoke their own tokens; ApiTokensResource refuses others' unless the caller is an admin
            chain.doFilter(request, response);
            return;
        }
        if (ApiPaths.isRead(request)) {
            if (!admin && !request.isUserInRole(Roles.READER) && !isWhoAmI(request)) {
                ProblemResponses.forbidden(response, "reading needs role " + Roles.READER + " or " + Roles.ADMIN
                        + "; user " + request.getUserPrincipal().getName() + " has neither");
                return;
            }
        } else if (!admin) {
            ProblemResponses.forbidden(response, request.getMethod() + " " + ApiPaths.path(request) + " needs role " + Roles.ADMIN
                    + "; user " + request.getUserPrincipal().getName() + " does not have it");
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean isWhoAmI(HttpServletRequest request) {
        return "/api/whoami".equals(ApiPaths.path(request));
    }
}
