package org.cephsync.it;

import static org.cephsync.it.AdminClient.stage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Branch-aware syncs (netbox-branching semantics) on the real server: runs write into a branch, merged on
 * success, left open on failure, resumed in the same branch on restart, merged under the conflict policy.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BranchIT {

    private static final String REEF = "pve8-reef-18.2.7";
    private static final String PACIFIC = "pve7-pacific-16.2.15";
    private static final long RUN = System.currentTimeMillis() / 1000 % 100_000_000L * 10;
    /** Synced with branching off: what a plain run gives. */
    private static final long REFERENCE = RUN + 3;
    private static final long BRANCHED = RUN + 4;
    private static final long RESTARTED = RUN + 5;
    private static final long CONFLICTED = RUN + 6;
    private static final List<String> MODELS = List.of("clusters", "health-checks", "daemons", "osds", "pools",
            "filesystems", "crush-rules", "flags");
    /** What differs between two endpoints' copies of the same inventory without being content. */
    private static final Set<String> IDENTITY = Set.of("id", "url", "endpoint", "cluster", "metadata_pool",
            "created", "last_updated", "last_seen_at", "first_seen_at");

    private static SnapshotDir snapshot;
    private static ProxboxStandIn proxbox;

    @ArquillianResource
    private URL base;

    private AdminClient api;

    @Deployment(testable = false)
    static WebArchive deployment() throws IOException {
        snapshot = new SnapshotDir(Files.createTempDirectory("ceph-sync-branch-it"));
        for (long id : List.of(REFERENCE, BRANCHED, RESTARTED, CONFLICTED)) {
            snapshot.put(id, "ep-" + id, REEF, "healthy");
        }
        proxbox = new ProxboxStandIn(snapshot.root(), TestDeployment.API_KEY).start();
        return TestDeployment.war(proxbox);
    }

    @AfterAll
    static void stopStandIn() {
        if (proxbox != null) {
            proxbox.close();
        }
    }

    @BeforeEach
    void client() throws Exception {
        api = new AdminClient(base.toURI());
        api.settings("{\"branching_enabled\": false, \"branch_on_conflict\": \"fail\"}");
    }

    @AfterEach
    void branchingOff() {
        api.call("DELETE", "api/test/faults", null);
        api.settings("{\"branching_enabled\": false, \"branch_on_conflict\": \"fail\"}");
    }

    private JsonObject sync(long endpoint) {
        return api.sync("{\"endpoints\":[" + endpoint + "]}");
    }

    @Test
    @Order(1)
    void aBranchedRunMergesIntoMainWhatAPlainRunWrites() {
        assertEquals("COMPLETED", sync(REFERENCE).getString("status"));
        api.settings("{\"branching_enabled\": true}");

        JsonObject job = sync(BRANCHED);

        assertEquals("COMPLETED", job.getString("status"), job::toString);
        JsonObject branch = job.getJsonObject("branch");
        assertEquals("merged", branch.getString("status"));
        assertTrue(branch.getString("name").startsWith("ceph-sync-" + job.getInt("id") + "-"), branch::toString);
        assertTrue(branch.getString("schema_id").matches("[a-z0-9]{8}"), branch::toString);
        assertEquals(branch.getString("schema_id"), job.getJsonObject("data").getJsonObject("ceph_sync")
                .getJsonObject("params").getString("netbox_branch_schema_id"));
        assertEquals(content(REFERENCE, null), content(BRANCHED, null), "main after the merge = a plain run's inventory");

        JsonObject changes = api.get("api/plugins/branching/changes/?branch_id=" + branch.getInt("id") + "&limit=1000");
        assertEquals(1 + 8 + 4 + 7 + 1 + 3 + 11, changes.getInt("count"), "one create per row");
        assertTrue(changes.getJsonArray("results").stream().allMatch(c -> c.asJsonObject().getString("action").equals("create")));
        JsonObject merged = api.get("api/plugins/branching/branches/" + branch.getInt("id") + "/");
        assertEquals("merged", merged.getString("status"));
        assertNotEquals(JsonValue.NULL, merged.get("merged_time"));
        // netbox-branching's Branch fields
        assertEquals(List.of("id", "url", "display", "name", "owner", "description", "schema_id", "status", "last_sync",
                "merged_time", "merged_by", "comments", "tags", "custom_fields", "created", "last_updated", "sync_instance_id"),
                List.copyOf(merged.keySet()), merged::toString);
        assertEquals("ceph-sync", merged.getString("merged_by"), "its run merged it");
        assertEquals(merged.get("created"), merged.get("last_sync"), "provisioned from main when the run began");

        JsonObject create = changes.getJsonArray("results").getJsonObject(0);
        assertTrue(create.getString("object_type").matches("netbox_ceph\\.ceph[a-z]+"), create::toString);
        assertEquals(JsonValue.NULL, create.get("original_data"), "a create has no original");
        assertEquals(create.get("modified"), create.get("modified_data"));
        assertEquals(create.getJsonObject("modified_data"), create.getJsonObject("current_data"), "merged: main has the row now");
        assertEquals(JsonValue.NULL, create.getJsonObject("diff").get("original"), create::toString);

        AdminClient.Answer sync = api.call("POST", "api/plugins/branching/branches/" + branch.getInt("id") + "/sync/", "{\"commit\": true}");
        assertEquals(405, sync.status(), sync.body()::toString);
        assertTrue(sync.json().getString("detail").contains("not synced from main"), sync.body()::toString);
    }

    @Test
    @Order(2)
    void aFailedStageLeavesTheBranchOpenAndMainUntouchedAndTheRestartMergesOnce() {
        api.settings("{\"branching_enabled\": true}");
        api.call("POST", "api/test/faults?resource=flags&after=1", null);

        JsonObject failed = sync(RESTARTED);

        assertEquals("FAILED", failed.getString("status"), failed::toString);
        JsonObject branch = failed.getJsonObject("branch");
        assertEquals("ready", branch.getString("status"), "left open for inspection");
        for (String model : MODELS) {
            assertEquals(0, api.rows(model, RESTARTED).size(), model + ": main is untouched before the merge");
        }
        assertEquals(8, api.rows("daemons", RESTARTED, branch.getString("schema_id")).size(), "the branch's view has the rows");
        assertEquals(TestDeployment.CHUNK_SIZE, api.rows("flags", RESTARTED, branch.getString("schema_id")).size());
        int changesSoFar = api.get("api/plugins/branching/changes/?branch_id=" + branch.getInt("id")).getInt("count");
        assertEquals(1 + 8 + 4 + 7 + 1 + 3 + TestDeployment.CHUNK_SIZE, changesSoFar);

        api.call("DELETE", "api/test/faults", null);
        api.settings("{\"branching_enabled\": false}");
        AdminClient.Answer restarted = api.call("POST", "api/sync/jobs/" + failed.getInt("id") + "/restart", null);
        assertEquals(202, restarted.status(), () -> restarted.body().toString());
        JsonObject done = api.await(restarted.json().getInt("id"));

        assertEquals("COMPLETED", done.getString("status"), done::toString);
        assertEquals(branch.getString("schema_id"), done.getJsonObject("branch").getString("schema_id"), "the same branch");
        assertEquals("merged", done.getJsonObject("branch").getString("status"));
        assertEquals(content(REFERENCE, null), content(RESTARTED, null), "main = a clean run's inventory");
        AdminClient.Answer again = api.call("POST", "api/plugins/branching/branches/" + branch.getInt("id") + "/merge/", "{\"commit\": true}");
        assertEquals(400, again.status(), "merged once, and only once");
        assertTrue(again.json().getString("detail").contains("merged"), again.body()::toString);
    }

    @Test
    @Order(3)
    void conflictsWithMainFailTheMergeUnderFailAndTheBranchWinsUnderAcknowledge() {
        assertEquals("COMPLETED", sync(CONFLICTED).getString("status"), "main has the healthy reef inventory");
        // run A: branching on, the degraded reef cluster, fails before the end: its branch stays open
        snapshot.put(CONFLICTED, "ep-" + CONFLICTED, REEF, "degraded");
        api.settings("{\"branching_enabled\": true}");
        api.call("POST", "api/test/faults?resource=flags&after=1", null);
        JsonObject runA = sync(CONFLICTED);
        assertEquals("FAILED", runA.getString("status"));
        JsonObject branch = runA.getJsonObject("branch");
        api.call("DELETE", "api/test/faults", null);
        // run B: branching off, other data for the same OSD rows goes straight into main (only the OSDs: a run
        // that also synced flags, which run A has still to do, would supersede A, and A could not be restarted)
        snapshot.put(CONFLICTED, "ep-" + CONFLICTED, PACIFIC, "degraded");
        api.settings("{\"branching_enabled\": false}");
        assertEquals("COMPLETED", api.sync("{\"resources\":[\"osds\"],\"endpoints\":[" + CONFLICTED + "]}").getString("status"));
        Map<String, JsonObject> mainOsds = api.rows("osds", CONFLICTED);
        assertEquals("16.2.15", version(mainOsds.get("osd.0")));

        // restart A under policy fail: it meets the conflicts and does not merge
        AdminClient.Answer restartA = api.call("POST", "api/sync/jobs/" + runA.getInt("id") + "/restart", null);
        JsonObject blocked = api.await(restartA.json().getInt("id"));
        assertEquals("FAILED", blocked.getString("status"), blocked::toString);
        String error = blocked.getJsonObject("data").getJsonObject("ceph_sync").getString("error");
        assertTrue(error.contains("osds osd.0") && error.contains("metadata"), error);
        assertEquals("ready", blocked.getJsonObject("branch").getString("status"), "the branch stays open");
        assertEquals(mainOsds, api.rows("osds", CONFLICTED), "main is as run B left it");
        JsonObject conflicted = api.get("api/plugins/branching/changes/?branch_id=" + branch.getInt("id") + "&has_conflicts=true&limit=1000");
        assertTrue(conflicted.getInt("count") >= 4, conflicted::toString);
        // netbox-branching's ChangeDiff: what the branch had, what it has, what main has now, and where they differ
        JsonObject osd0 = conflicted.getJsonArray("results").getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getString("object_repr").equals("osd.0")).findFirst()
                .orElseThrow(() -> new AssertionError("no change of osd.0: " + conflicted));
        assertEquals("netbox_ceph.cephosd", osd0.getString("object_type"));
        assertEquals("update", osd0.getString("action"));
        assertEquals(mainOsds.get("osd.0").getJsonObject("metadata"), osd0.getJsonObject("current_data").getJsonObject("metadata"),
                "current_data is main's row now, as run B left it");
        assertTrue(osd0.getJsonArray("conflicts").toString().contains("metadata"), osd0::toString);
        for (String side : List.of("original", "modified", "current")) {
            assertTrue(osd0.getJsonObject("diff").getJsonObject(side).containsKey("metadata"), () -> side + ": " + osd0);
            assertFalse(osd0.getJsonObject("diff").getJsonObject(side).containsKey("last_seen_at"), "bookkeeping is no difference");
        }

        // a dry run reports, changes nothing; a commit without acknowledging is a 409 listing the conflicts
        AdminClient.Answer dryRun = api.call("POST", "api/plugins/branching/branches/" + branch.getInt("id") + "/merge/", "{\"commit\": false}");
        assertEquals(200, dryRun.status(), dryRun.body()::toString);
        assertFalse(dryRun.json().getBoolean("merged"));
        assertEquals(conflicted.getInt("count"), dryRun.json().getJsonArray("conflicts").size());
        assertTrue(dryRun.json().getJsonArray("changes").size() > dryRun.json().getJsonArray("conflicts").size());
        assertEquals(mainOsds, api.rows("osds", CONFLICTED), "a dry run changes nothing");
        AdminClient.Answer refused = api.call("POST", "api/plugins/branching/branches/" + branch.getInt("id") + "/merge/", "{\"commit\": true}");
        assertEquals(409, refused.status());
        assertEquals("application/problem+json", refused.contentType());
        assertEquals(conflicted.getInt("count"), refused.json().getJsonArray("conflicts").size());

        // under acknowledge the restart merges and the branch's values win
        api.settings("{\"branch_on_conflict\": \"acknowledge\"}");
        AdminClient.Answer restartAgain = api.call("POST", "api/sync/jobs/" + blocked.getInt("id") + "/restart", null);
        JsonObject merged = api.await(restartAgain.json().getInt("id"));
        assertEquals("COMPLETED", merged.getString("status"), merged::toString);
        assertEquals(List.of("merge"), AdminClient.stepNames(merged));
        assertEquals("merged", merged.getJsonObject("branch").getString("status"));
        Map<String, JsonObject> after = api.rows("osds", CONFLICTED);
        assertEquals("18.2.7", version(after.get("osd.0")), "the branch's value won");
        assertFalse(after.get("osd.2").getBoolean("up"));
        assertEquals(6, api.rows("health-checks", CONFLICTED).keySet().stream().filter(n -> !n.equals("POOL_TOO_MANY_PGS")).count());
    }

    @Test
    @Order(4)
    void aNoOpResyncLeavesNoOpenBranchAndWritesNothing() {
        Map<String, Map<String, JsonObject>> before = inventory(REFERENCE);
        api.settings("{\"branching_enabled\": true}");

        JsonObject job = sync(REFERENCE);

        assertEquals("COMPLETED", job.getString("status"), job::toString);
        JsonObject branch = job.getJsonObject("branch");
        assertEquals("merged", branch.getString("status"), "closed as merged");
        assertEquals(0, api.get("api/plugins/branching/changes/?branch_id=" + branch.getInt("id")).getInt("count"));
        assertEquals(before, inventory(REFERENCE), "no row written, last_updated included");

        AdminClient.Answer bogus = api.call("GET", "api/plugins/ceph/osds/", null, Map.of("X-NetBox-Branch", "zzzzzzzz"));
        assertEquals(400, bogus.status());
        assertEquals("Invalid branch identifier", bogus.json().getString("detail"));
        AdminClient.Answer badPolicy = api.call("PATCH", "api/plugins/ceph/settings/", "{\"branch_on_conflict\": \"ignore\"}");
        assertEquals(400, badPolicy.status());
        assertTrue(badPolicy.json().getString("detail").contains("fail, acknowledge"), badPolicy.body()::toString);
    }

    private static String version(JsonObject osd) {
        return osd.getJsonObject("metadata").getString("ceph_version_short");
    }

    private Map<String, Map<String, JsonObject>> inventory(long endpoint) {
        Map<String, Map<String, JsonObject>> all = new HashMap<>();
        for (String model : MODELS) {
            all.put(model, api.rows(model, endpoint));
        }
        return all;
    }

    /** An endpoint's inventory without what identifies its rows: comparable across endpoints. */
    private Map<String, Map<String, JsonObject>> content(long endpoint, String branch) {
        Map<String, Map<String, JsonObject>> all = new HashMap<>();
        for (String model : MODELS) {
            Map<String, JsonObject> rows = new HashMap<>();
            api.rows(model, endpoint, branch).forEach((name, row) -> {
                JsonObjectBuilder stripped = Json.createObjectBuilder();
                row.forEach((field, value) -> {
                    if (!IDENTITY.contains(field)) {
                        stripped.add(field, value);
                    }
                });
                rows.put(name, stripped.build());
            });
            all.put(model, rows);
        }
        return all;
    }
}
