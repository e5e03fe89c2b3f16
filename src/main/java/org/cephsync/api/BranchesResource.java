package org.cephsync.api;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.PessimisticLockException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.cephsync.batch.SyncJobs;
import org.cephsync.store.Branch;
import org.cephsync.store.WriteTarget;
import org.cephsync.store.InventoryQueries;
import org.cephsync.inventory.InventoryModel;
import org.cephsync.store.BranchChange;
import org.cephsync.store.BranchStateException;
import org.cephsync.store.Branches;
import org.cephsync.store.MergeOutcome;
import org.cephsync.inventory.JsonText;

/** Branches and their changes, shaped like netbox-branching's REST API (DESIGN §6.3). */
@Path("/plugins/branching")
@Produces(MediaType.APPLICATION_JSON)
public class BranchesResource {

    @Inject
    Branches branches;

    @Inject
    SyncJobs jobs;

    @Inject
    InventoryQueries queries;

    @Context
    UriInfo uri;

    @Context
    SecurityContext security;

    @GET
    @Path("/branches")
    public JsonObject list() {
        Page page = Page.of(uri);
        return page.body(uri, branches.count(), branches.list(page.offset(), page.limit()).stream()
                .map(b -> BranchJson.branch(uri, b)).toList());
    }

    @GET
    @Path("/branches/{id}")
    public JsonObject get(@PathParam("id") long id) {
        return BranchJson.branch(uri, branches.find(id).orElseThrow(() -> ApiException.notFound("no branch " + id)));
    }

    /**
     * {@code {"commit": false}} is a dry run: 200 with the changes a merge would apply and the conflicts it
     * would meet. A commit with unacknowledged conflicts is a 409 listing them; a branch that is not ready
     * is a 400 saying its status.
     */
    @POST
    @Path("/branches/{id}/merge")
    @Consumes(MediaType.APPLICATION_JSON)
    public JsonObject merge(@PathParam("id") long id, JsonObject request) {
        JsonObject body = request == null ? JsonValue.EMPTY_JSON_OBJECT : request;
        boolean commit = flag(body, "commit");
        boolean acknowledge = flag(body, "acknowledge_conflicts");
        Branch branch = branches.find(id).orElseThrow(() -> ApiException.notFound("no branch " + id));
        if (branch.getInstanceId() != null) {
            jobs.runningExecutionOf(branch.getInstanceId()).ifPresent(execution -> {
                throw ApiException.badRequest("branch " + branch.getName() + " is being written by its run (execution " + execution
                        + " is " + jobs.execution(execution).getBatchStatus() + "): it can be merged once the run has ended");
            });
        }
        MergeOutcome outcome;
        try {
            outcome = branches.merge(id, commit, acknowledge, security.getUserPrincipal().getName());
        } catch (BranchStateException e) {
            throw ApiException.badRequest(e.getMessage());
        } catch (PessimisticLockException | LockTimeoutException e) {
            throw new ApiException(409, "Conflict", "branch " + branch.getName()
                    + " is being merged by another request; look at its status, or try again");
        }
        if (commit && !outcome.applied()) {
            throw new ApiException(409, Problem.base(409, "Conflict", outcome.conflicts().size()
                    + " change(s) conflict with main; merge again with \"acknowledge_conflicts\": true to let the branch's values win")
                    .add("conflicts", changes(outcome.conflicts())).build());
        }
        return JsonText.json().createObjectBuilder()
                .add("branch", BranchJson.branch(uri, outcome.branch()))
                .add("commit", commit)
                .add("merged", outcome.applied())
                .add("changes", changes(outcome.changes()))
                .add("conflicts", changes(outcome.conflicts()))
                .build();
    }

    /**
     * netbox-branching's sync (replaying main's newer changes onto a branch): a ceph-sync branch is provisioned
     * from main when its run begins and holds only that run's changes, so there is nothing to replay; 405 says so.
     */
    @POST
    @Path("/branches/{id}/sync")
    public JsonObject sync(@PathParam("id") long id) {
        Branch branch = branches.find(id).orElseThrow(() -> ApiException.notFound("no branch " + id));
        throw new ApiException(405, "Method Not Allowed", "branch " + branch.getName() + " is not synced from main:"
                + " ceph-sync provisions a branch when its run begins and compares with main when it is merged"
                + " (conflicts are found then); merge it, or start a new run");
    }

    @GET
    @Path("/changes")
    public JsonObject changes(@QueryParam("branch_id") Long branchId, @QueryParam("has_conflicts") String hasConflicts) {
        Page page = Page.of(uri);
        Boolean conflicts = hasConflicts == null || hasConflicts.isBlank() ? null : Boolean.valueOf(hasConflicts.trim());
        return page.body(uri, branches.countChanges(branchId, conflicts),
                branches.changes(branchId, conflicts, page.offset(), page.limit()).stream().map(this::change).toList());
    }

    private JsonArrayBuilder changes(List<BranchChange> changes) {
        JsonArrayBuilder list = JsonText.json().createArrayBuilder();
        changes.forEach(c -> list.add(change(c)));
        return list;
    }

    /** A change with main's row as it is now (ChangeDiff's current_data). */
    private JsonObject change(BranchChange c) {
        JsonObject current = c.getObjectId() == null ? null : InventoryModel.byPath(c.getModel())
                .flatMap(model -> queries.find(model, c.getObjectId(), WriteTarget.MAIN)).orElse(null);
        return BranchJson.change(c, current);
    }

    private static boolean flag(JsonObject body, String name) {
        JsonValue value = body.get(name);
        if (value == null || value == JsonValue.NULL) {
            return false;
        }
        if (value != JsonValue.TRUE && value != JsonValue.FALSE) {
            throw ApiException.badRequest(name + " must be true or false");
        }
        return value == JsonValue.TRUE;
    }
}
