package org.cephsync.security;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import org.cephsync.api.ApiException;
import org.cephsync.api.Page;
import org.cephsync.inventory.JsonText;
import org.cephsync.store.ApiToken;
import org.cephsync.store.ApiTokens;

/**
 * NetBox's {@code /api/users/tokens/}: {@code provision/} issues a token for a user name and password (201,
 * the secret shown this once); the list and details show a caller their own tokens (an admin sees all), never
 * a secret; {@code DELETE} revokes one of the caller's (an admin: anyone's). Tokens of the users configured
 * for ceph-sync, with those users' roles.
 */
@Path("/users/tokens")
@Produces(MediaType.APPLICATION_JSON)
public class ApiTokensResource {

    private static final int MAX_DESCRIPTION = 200;

    @Inject
    ApiTokens tokens;

    @Inject
    IdentityStoreHandler identityStores;

    @Inject
    LoginThrottle throttle;

    @Context
    SecurityContext security;

    @Context
    HttpServletRequest request;

    @Context
    UriInfo uri;

    /**
     * {@code {"username", "password"}}, optionally {@code version} (1, the default, which pynetbox's
     * {@code create_token} expects in {@code key}; or 2), {@code write_enabled} (true), {@code expires}
     * (ISO 8601) and {@code description}.
     */
    @POST
    @Path("/provision")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response provision(JsonObject body) {
        if (body == null) {
            throw ApiException.badRequest("a JSON object with username and password is required");
        }
        String username = text(body, "username").orElseThrow(() -> ApiException.badRequest("username is required"));
        String password = text(body, "password").orElseThrow(() -> ApiException.badRequest("password is required"));
        int version = body.containsKey("version") && body.get("version").getValueType() == JsonValue.ValueType.NUMBER
                ? body.getInt("version") : ApiToken.V1;
        if (version != ApiToken.V1 && version != ApiToken.V2) {
            throw ApiException.badRequest("version must be 1 or 2, not " + body.get("version"));
        }
        boolean writeEnabled = body.getBoolean("write_enabled", true);
        Instant expires = text(body, "expires").map(ApiTokensResource::instant).orElse(null);
        if (expires != null && !expires.isAfter(Instant.now())) {
            throw ApiException.badRequest("expires must lie in the future: " + expires);
        }
        String description = text(body, "description").orElse("");
        if (description.length() > MAX_DESCRIPTION) {
            throw ApiException.badRequest("description is longer than " + MAX_DESCRIPTION + " characters");
        }

        String address = request.getRemoteAddr();
        long wait = throttle.secondsToWait(username, address);
        if (wait > 0) {
            throw new ApiException(429, "Too Many Requests", "too many failed logins for this user or from this address;"
                    + " try again in " + wait + " s");
        }
        CredentialValidationResult login = identityStores.validate(new UsernamePasswordCredential(username, password));
        if (login.getStatus() != CredentialValidationResult.Status.VALID) {
            throttle.failed(username, address);
            // NetBox answers 403 here; the body says why without telling which of the two was wrong
            throw new ApiException(403, "Forbidden", "invalid user name or password");
        }
        ApiTokens.Issued issued = tokens.issue(login.getCallerPrincipal().getName(), version, writeEnabled, expires, description);
        JsonObjectBuilder json = json(issued.token()).add("token", issued.secret());
        if (version == ApiToken.V1) {
            // what NetBox before 4.5 (and pynetbox 7.0's create_token) reads as the token to send
            json.add("key", issued.secret());
        }
        return Response.status(201).entity(json.build()).build();
    }

    @GET
    public JsonObject list() {
        Page page = Page.of(uri);
        List<ApiToken> visible = tokens.list(isAdmin() ? Optional.empty() : Optional.of(caller()));
        List<JsonObject> rows = visible.stream().skip(page.offset()).limit(page.limit()).map(t -> json(t).build()).toList();
        return page.body(uri, visible.size(), rows);
    }

    @GET
    @Path("/{id}")
    public JsonObject get(@PathParam("id") long id) {
        return json(visible(id)).build();
    }

    @DELETE
    @Path("/{id}")
    public Response revoke(@PathParam("id") long id) {
        visible(id);
        tokens.revoke(id);
        return Response.noContent().build();
    }

    /** The caller's token, or anyone's for an admin; 404 otherwise, so that others' token ids are not told. */
    private ApiToken visible(long id) {
        return tokens.find(id).filter(t -> isAdmin() || t.getUsername().equals(caller()))
                .orElseThrow(() -> ApiException.notFound("no API token " + id + " of yours"));
    }

    private JsonObjectBuilder json(ApiToken token) {
        JsonObjectBuilder json = JsonText.json().createObjectBuilder()
                .add("id", token.getId())
                .add("url", uri.getBaseUriBuilder().path("users/tokens/{id}/").build(token.getId()).toString())
                .add("display", token.getVersion() == ApiToken.V2 ? "nbt_" + token.getKey() : "v1 token " + token.getId())
                .add("version", token.getVersion())
                .add("user", JsonText.json().createObjectBuilder().add("username", token.getUsername())
                        .add("display", token.getUsername()))
                .add("description", token.getDescription() == null ? "" : token.getDescription())
                .add("created", token.getCreated().toString())
                .add("enabled", token.isEnabled())
                .add("write_enabled", token.isWriteEnabled());
        JsonText.addOrNull(json, "key", token.getVersion() == ApiToken.V2 ? token.getKey() : null);
        JsonText.addOrNull(json, "expires", token.getExpires());
        return JsonText.addOrNull(json, "last_used", token.getLastUsed());
    }

    private boolean isAdmin() {
        return security.isUserInRole(Roles.ADMIN);
    }

    private String caller() {
        return security.getUserPrincipal().getName();
    }

    private static Optional<String> text(JsonObject body, String name) {
        JsonValue value = body.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return Optional.empty();
        }
        if (value.getValueType() != JsonValue.ValueType.STRING) {
            throw ApiException.badRequest(name + " must be a string");
        }
        return Optional.of(body.getString(name)).filter(s -> !s.isBlank());
    }

    private static Instant instant(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("expires must be an ISO 8601 date and time with an offset, e.g."
                    + " 2027-01-31T00:00:00Z, not \"" + text + "\"");
        }
    }
}
