package org.cephsync.api;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.cephsync.inventory.ProxmoxEndpoint;
import org.cephsync.store.InventoryQueries;
import org.cephsync.inventory.JsonText;

/** The Proxmox endpoints rows belong to, in the shape netbox-proxbox lists them (read-only). */
@Path("/plugins/proxbox/endpoints/proxmox")
@Produces(MediaType.APPLICATION_JSON)
public class ProxmoxEndpointsResource {

    @Inject
    InventoryQueries queries;

    @Context
    UriInfo uri;

    @GET
    public JsonObject list() {
        Page page = Page.of(uri);
        List<JsonObject> results = queries.endpoints(page.offset(), page.limit()).stream().map(ProxmoxEndpointsResource::json).toList();
        return page.body(uri, queries.countEndpoints(), results);
    }

    private static JsonObject json(ProxmoxEndpoint e) {
        JsonObjectBuilder json = JsonText.json().createObjectBuilder().add("id", e.getId()).add("name", e.getName());
        JsonText.addOrNull(json, "domain", e.getDomain());
        JsonText.addOrNull(json, "ip_address", e.getIpAddress());
        if (e.getPort() == null) {
            json.addNull("port");
        } else {
            json.add("port", e.getPort());
        }
        return json.build();
    }
}
