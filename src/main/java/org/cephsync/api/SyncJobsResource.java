package org.cephsync.api;

import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.cephsync.batch.SyncJobs;
import org.cephsync.batch.SyncParameters;
import org.cephsync.resource.CephResource;

/** Admin API for sync jobs (DESIGN §6.1). */
@Path("/sync/jobs")
@Produces(MediaType.APPLICATION_JSON)
public class SyncJobsResource {

    @Inject
    SyncJobs jobs;

    @Inject
    SyncJobView view;

    @Context
    UriInfo uri;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response start(JsonObject request) {
        JsonObject body = request == null ? JsonValue.EMPTY_JSON_OBJECT : request;
        Set<CephResource> resources;
        try {
            resources = SyncParameters.resources(strings(body, "resources"));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        long id = jobs.start(resources, ids(body, "endpoints"));
        return accepted(id);
    }

    @GET
    public JsonObject list() {
        Page page = Page.of(uri);
        List<JsonObject> results = jobs.latestExecutions(page.offset(), page.limit()).stream().map(view::of).toList();
        return page.body(uri, jobs.runCount(), results);
    }

    @GET
    @Path("/{id}")
    public JsonObject get(@PathParam("id") long id) {
        return view.of(jobs.execution(id));
    }

    @POST
    @Path("/{id}/restart")
    public Response restart(@PathParam("id") long id) {
        jobs.execution(id);
        return accepted(jobs.restart(id));
    }

    @POST
    @Path("/{id}/stop")
    public Response stop(@PathParam("id") long id) {
        jobs.execution(id);
        jobs.stop(id);
        return Response.accepted(view.of(jobs.execution(id))).build();
    }

    private Response accepted(long executionId) {
        URI location = uri.getBaseUriBuilder().path("sync/jobs/{id}").build(executionId);
        return Response.accepted(view.of(jobs.execution(executionId))).location(location).build();
    }

    private static List<String> strings(JsonObject body, String name) {
        JsonValue value = body.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return List.of();
        }
        if (!(value instanceof JsonArray array)) {
            throw ApiException.badRequest(name + " must be a list of strings");
        }
        List<String> names = new ArrayList<>();
        for (JsonValue v : array) {
            if (!(v instanceof JsonString s)) {
                throw ApiException.badRequest(name + " must be a list of strings; valid resources are: " + CephResource.validNames());
            }
            names.add(s.getString());
        }
        return names;
    }

    private static List<Long> ids(JsonObject body, String name) {
        JsonValue value = body.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return List.of();
        }
        if (!(value instanceof JsonArray array)) {
            throw ApiException.badRequest(name + " must be a list of endpoint ids");
        }
        List<Long> ids = new ArrayList<>();
        for (JsonValue v : array) {
            if (!(v instanceof JsonNumber n) || !n.isIntegral()) {
                throw ApiException.badRequest(name + " must be a list of endpoint ids (integers)");
            }
            ids.add(n.longValue());
        }
        return ids;
    }
}
