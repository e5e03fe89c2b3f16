package org.cephsync.api;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cephsync.inventory.InventoryModel;
import org.cephsync.store.InventoryQueries;
import org.cephsync.inventory.JsonText;

/** The read-only inventory, shaped like netbox-ceph's REST API (DESIGN §6.2). */
@Path("/plugins/ceph/{model}")
@Produces(MediaType.APPLICATION_JSON)
public class InventoryResource {

    /** Query parameters that are not filters. */
    private static final Set<String> NOT_FILTERS = Set.of("limit", "offset", "brief", "ordering", "format");

    @Inject
    InventoryQueries queries;

    @Inject
    BranchHeader branchHeader;

    @Context
    UriInfo uri;

    @GET
    public JsonObject list(@PathParam("model") String path, @HeaderParam(BranchHeader.NAME) String branch) {
        InventoryModel model = model(path);
        Page page = Page.of(uri);
        Map<String, List<String>> filters = filters(uri.getQueryParameters());
        try {
            InventoryQueries.Listing listing = queries.list(model, filters, page.offset(), page.limit(), branchHeader.target(branch));
            return page.body(uri, listing.count(), listing.rows().stream().map(row -> json(model, row)).toList());
        } catch (InventoryQueries.BadFilterException e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }

    @GET
    @Path("/{id}")
    public JsonObject get(@PathParam("model") String path, @PathParam("id") long id, @HeaderParam(BranchHeader.NAME) String branch) {
        InventoryModel model = model(path);
        return queries.find(model, id, branchHeader.target(branch)).map(row -> json(model, row))
                .orElseThrow(() -> ApiException.notFound("no " + model.path() + " row with id " + id));
    }

    @POST
    public void create(@PathParam("model") String path) {
        throw ApiException.methodNotAllowed("POST");
    }

    /** NetBox's bulk writes on a list: the inventory is read-only there too. */
    @PUT
    public void replaceAll(@PathParam("model") String path) {
        throw ApiException.methodNotAllowed("PUT");
    }

    @PATCH
    public void updateAll(@PathParam("model") String path) {
        throw ApiException.methodNotAllowed("PATCH");
    }

    @DELETE
    public void deleteAll(@PathParam("model") String path) {
        throw ApiException.methodNotAllowed("DELETE");
    }

    @PUT
    @Path("/{id}")
    public void replace(@PathParam("model") String path) {
        throw ApiException.methodNotAllowed("PUT");
    }

    @PATCH
    @Path("/{id}")
    public void update(@PathParam("model") String path) {
        throw ApiException.methodNotAllowed("PATCH");
    }

    @DELETE
    @Path("/{id}")
    public void delete(@PathParam("model") String path) {
        throw ApiException.methodNotAllowed("DELETE");
    }

    private static InventoryModel model(String path) {
        return InventoryModel.byPath(path).orElseThrow(() -> ApiException.notFound("no inventory model \"" + path
                + "\"; there are: " + String.join(", ", java.util.Arrays.stream(InventoryModel.values()).map(InventoryModel::path).toList())));
    }

    private static Map<String, List<String>> filters(MultivaluedMap<String, String> query) {
        Map<String, List<String>> filters = new LinkedHashMap<>();
        query.forEach((name, values) -> {
            if (!NOT_FILTERS.contains(name) && !values.isEmpty()) {
                filters.put(name, values);
            }
        });
        return filters;
    }

    /** netbox-ceph's shape: its serializer's fields in its order (brief: its brief fields), nothing else. */
    private JsonObject json(InventoryModel model, JsonObject row) {
        long id = row.getJsonNumber("id").longValue();
        boolean brief = Boolean.parseBoolean(uri.getQueryParameters().getFirst("brief"));
        JsonObjectBuilder json = JsonText.json().createObjectBuilder();
        for (String field : brief ? model.briefFields() : model.fields()) {
            switch (field) {
                case "url" -> json.add(field, uri.getBaseUriBuilder().path("plugins/ceph/{model}/{id}/").build(model.path(), id).toString());
                case "display" -> json.add(field, row.getString("name", ""));
                case "tags" -> json.add(field, JsonValue.EMPTY_JSON_ARRAY);
                case "custom_fields" -> json.add(field, JsonValue.EMPTY_JSON_OBJECT);
                default -> json.add(field, row.getOrDefault(field, JsonValue.NULL));
            }
        }
        return json.build();
    }
}
