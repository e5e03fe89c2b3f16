package org.cephsync.api;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.cephsync.inventory.InventoryModel;
import org.cephsync.inventory.JsonText;
import org.cephsync.resource.CephResource;

/**
 * The resources a sync can reflect, in the order the job runs them, with the PVE paths each reads and the models
 * it fills: what the console offers and lists, so that neither repeats the list.
 */
@Path("/sync/resources")
@Produces(MediaType.APPLICATION_JSON)
public class SyncResourcesResource {

    @GET
    public JsonArray list() {
        JsonArrayBuilder resources = JsonText.json().createArrayBuilder();
        for (CephResource resource : CephResource.values()) {
            JsonArrayBuilder paths = JsonText.json().createArrayBuilder();
            paths.add(CephResource.CLUSTER_STATUS);
            resource.paths().forEach(paths::add);
            JsonArrayBuilder models = JsonText.json().createArrayBuilder();
            resource.models().stream().map(InventoryModel::path).forEach(models::add);
            resources.add(JsonText.json().createObjectBuilder()
                    .add("name", resource.wireName())
                    .add("paths", paths)
                    .add("models", models));
        }
        return resources.build();
    }
}
