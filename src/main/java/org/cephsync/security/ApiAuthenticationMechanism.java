package org.cephsync.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.cephsync.store.ApiToken;
import org.cephsync.store.ApiTokens;

/**
 * HTTP Basic and NetBox's API tokens ({@code Token <40 hex>}, {@code Bearer nbt_<key>.<token>}) for the API
 * (Jakarta Security), the same on Payara and Open Liberty. A token logs its user in with that user's roles;
 * a token without write_enabled is marked {@link #READ_ONLY_TOKEN} for {@link ApiAuthorizationFilter}.
 * The container calls it for every request: a call under {@code /api} without valid credentials is answered
 * 401 with problem details here (token provisioning excepted: its body carries the login); anything else (the console's static files; health, OpenAPI and metrics are served by the server
 * outside the application) passes unauthenticated. Valid credentials make the caller known to the container
 * with its configured roles as groups, so {@code isUserInRole} (and, on Liberty, the batch runtime's role
 * checks) see them. Which role a call needs is {@link ApiAuthorizationFilter}'s business.
 */
@ApplicationScoped
public class ApiAuthenticationMechanism implements HttpAuthenticationMechanism {

    @Inject
    IdentityStoreHandler identityStores;

    @Inject
    ConfigIdentityStore users;

    @Inject
    LoginThrottle throttle;

    @Inject
    ApiTokens tokens;

    /** Request attribute: the caller logged in with a token that may only read. */
    static final String READ_ONLY_TOKEN = "org.cephsync.security.read-only-token";
    private static final String NEEDS = "this API needs HTTP Basic credentials or a NetBox API token of a user with role "
            + Roles.READER + " or " + Roles.ADMIN;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        boolean api = ApiPaths.isApi(request);
        String header = request.getHeader("Authorization");
        if (header == null && ApiPaths.isTokenProvisioning(request)) {
            return context.doNothing();
        }
        if (api && ApiTokens.isTokenHeader(header)) {
            return tokenLogin(header, request, response, context);
        }
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return api ? refuse(request, response, context, NEEDS) : context.doNothing();
        }
        String[] login = decode(header.substring(6).trim());
        if (login == null) {
            return api ? refuse(request, response, context, "the Authorization header is not valid HTTP Basic") : context.doNothing();
        }
        String address = request.getRemoteAddr();
        if (!users.remembered(login[0], login[1].toCharArray())) {
            long wait = throttle.secondsToWait(login[0], address);
            if (wait > 0) {
                return api ? tooManyAttempts(response, wait) : context.doNothing();
            }
        }
        CredentialValidationResult result = identityStores.validate(new UsernamePasswordCredential(login[0], login[1]));
        if (result.getStatus() == CredentialValidationResult.Status.VALID) {
            return context.notifyContainerAboutLogin(result);
        }
        throttle.failed(login[0], address);
        return api ? refuse(request, response, context, "unknown user or wrong password") : context.doNothing();
    }

    private AuthenticationStatus tokenLogin(String header, HttpServletRequest request, HttpServletResponse response,
                                            HttpMessageContext context) {
        String address = request.getRemoteAddr();
        long wait = throttle.secondsToWait(address);
        if (wait > 0) {
            return tooManyAttempts(response, wait);
        }
        Optional<ApiToken> token = tokens.authenticate(header);
        Optional<ConfiguredUsers.User> user = token.flatMap(t -> users.users().find(t.getUsername()));
        if (user.isEmpty()) {
            throttle.failed(address);
            return refuse(request, response, context, token.isEmpty() ? "unknown, revoked or expired API token"
                    : "the API token's user no longer exists");
        }
        if (!token.get().isWriteEnabled()) {
            request.setAttribute(READ_ONLY_TOKEN, Boolean.TRUE);
        }
        return context.notifyContainerAboutLogin(new CredentialValidationResult(user.get().name(), user.get().roles()));
    }

    private static AuthenticationStatus refuse(HttpServletRequest request, HttpServletResponse response,
                                               HttpMessageContext context, String detail) {
        try {
            ProblemResponses.unauthorized(request, response, detail);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // the response is committed: the container adds nothing to it
        return AuthenticationStatus.SEND_FAILURE;
    }

    private static AuthenticationStatus tooManyAttempts(HttpServletResponse response, long seconds) {
        try {
            ProblemResponses.tooManyRequests(response, seconds, "too many failed logins for this user or from this address;"
                    + " try again in " + seconds + " s");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return AuthenticationStatus.SEND_FAILURE;
    }

    /** @return {user, password}, or null when the value is not base64 of "user:password" */
    static String[] decode(String base64) {
        try {
            String text = new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
            int colon = text.indexOf(':');
            if (colon <= 0) {
                return null;
            }
            return new String[] {text.substring(0, colon), text.substring(colon + 1)};
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
