package org.cephsync.security;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.cephsync.inventory.JsonText;

/** {@code GET /api/whoami}: the caller's name and roles (the console shows or hides its admin buttons by them). */
@Path("/whoami")
@Produces(MediaType.APPLICATION_JSON)
public class WhoAmIResource {

    @Context
    SecurityContext security;

    @GET
    public JsonObject whoami() {
        JsonArrayBuilder roles = JsonText.json().createArrayBuilder();
        for (String role : new String[] {Roles.READER, Roles.ADMIN}) {
            if (security.isUserInRole(role)) {
                roles.add(role);
            }
        }
        return JsonText.json().createObjectBuilder().add("username", security.getUserPrincipal().getName()).add("roles", roles).build();
    }
}
