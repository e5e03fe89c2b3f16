package org.cephsync.api;

import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.cephsync.store.CephPluginSettings;
import org.cephsync.store.Settings;
import org.cephsync.inventory.JsonText;

/**
 * netbox-ceph's settings: one row, read and changed at {@code settings/} and {@code settings/{id}/} alike
 * (GET, PUT, PATCH; both PUT and PATCH change only the fields they carry). Invalid values are a 400 that
 * names what is valid; nothing is changed then.
 */
@Path("/plugins/ceph/settings")
@Produces(MediaType.APPLICATION_JSON)
public class SettingsResource {

    private static final Set<String> FIELDS = Set.of("branching_enabled", "branch_name_prefix", "branch_on_conflict", "sync_interval_minutes");
    private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");
    private static final int MAX_INTERVAL_MINUTES = 7 * 24 * 60;

    @Inject
    Settings settings;

    @Context
    UriInfo uri;

    @GET
    public JsonObject list() {
        return new Page(Page.DEFAULT_LIMIT, 0).body(uri, 1, List.of(json(settings.current())));
    }

    @GET
    @Path("/{id}")
    public JsonObject get(@PathParam("id") long id) {
        return json(one(id));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public JsonObject put(JsonObject changes) {
        return change(changes);
    }

    @PATCH
    @Consumes(MediaType.APPLICATION_JSON)
    public JsonObject patch(JsonObject changes) {
        return change(changes);
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public JsonObject putOne(@PathParam("id") long id, JsonObject changes) {
        one(id);
        return change(changes);
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public JsonObject patchOne(@PathParam("id") long id, JsonObject changes) {
        one(id);
        return change(changes);
    }

    private CephPluginSettings one(long id) {
        CephPluginSettings current = settings.current();
        if (current.getId() != id) {
            throw ApiException.notFound("there is one settings row, with id " + current.getId());
        }
        return current;
    }

    private JsonObject change(JsonObject body) {
        if (body == null) {
            throw ApiException.badRequest("send a JSON object with any of: " + String.join(", ", FIELDS.stream().sorted().toList()));
        }
        List<Consumer<CephPluginSettings>> edits = new ArrayList<>();
        for (String field : body.keySet()) {
            JsonValue value = body.get(field);
            switch (field) {
                case "branching_enabled" -> {
                    if (value != JsonValue.TRUE && value != JsonValue.FALSE) {
                        throw ApiException.badRequest("branching_enabled must be true or false");
                    }
                    boolean enabled = value == JsonValue.TRUE;
                    edits.add(s -> s.setBranchingEnabled(enabled));
                }
                case "branch_name_prefix" -> {
                    if (!(value instanceof JsonString text) || !PREFIX.matcher(text.getString()).matches()) {
                        throw ApiException.badRequest("branch_name_prefix must be 1 to 64 letters, digits, '-', '_' or '.'");
                    }
                    edits.add(s -> s.setBranchNamePrefix(text.getString()));
                }
                case "branch_on_conflict" -> {
                    if (!(value instanceof JsonString text) || !CephPluginSettings.CONFLICT_POLICIES.contains(text.getString())) {
                        throw ApiException.badRequest("branch_on_conflict must be one of: " + String.join(", ", CephPluginSettings.CONFLICT_POLICIES));
                    }
                    edits.add(s -> s.setBranchOnConflict(text.getString()));
                }
                case "sync_interval_minutes" -> {
                    Integer minutes = null;
                    if (value != JsonValue.NULL) {
                        if (!(value instanceof JsonNumber n) || !n.isIntegral() || n.longValue() < 1 || n.longValue() > MAX_INTERVAL_MINUTES) {
                            throw ApiException.badRequest("sync_interval_minutes must be null (no schedule) or a whole number of minutes from 1 to " + MAX_INTERVAL_MINUTES);
                        }
                        minutes = ((JsonNumber) value).intValue();
                    }
                    Integer interval = minutes;
                    edits.add(s -> s.setSyncIntervalMinutes(interval));
                }
                case "id", "url", "display" -> {
                    // read-only fields echoed back by clients that PUT what they GOT
                }
                default -> throw ApiException.badRequest("unknown field " + field + "; settings fields are: "
                        + String.join(", ", FIELDS.stream().sorted().toList()));
            }
        }
        return json(settings.update(s -> edits.forEach(edit -> edit.accept(s))));
    }

    private JsonObject json(CephPluginSettings s) {
        JsonObjectBuilder json = JsonText.json().createObjectBuilder()
                .add("id", s.getId())
                .add("url", uri.getBaseUriBuilder().path("plugins/ceph/settings/{id}/").build(s.getId()).toString())
                .add("display", "Ceph plugin settings")
                .add("branching_enabled", s.isBranchingEnabled())
                .add("branch_name_prefix", s.getBranchNamePrefix())
                .add("branch_on_conflict", s.getBranchOnConflict());
        if (s.getSyncIntervalMinutes() == null) {
            json.addNull("sync_interval_minutes");
        } else {
            json.add("sync_interval_minutes", s.getSyncIntervalMinutes());
        }
        json.add("tags", JsonValue.EMPTY_JSON_ARRAY).add("custom_fields", JsonValue.EMPTY_JSON_OBJECT);
        JsonText.addOrNull(json, "created", s.getCreated());
        JsonText.addOrNull(json, "last_updated", s.getLastUpdated());
        return json.build();
    }
}
