package org.cephsync.it;

import static org.cephsync.it.AdminClient.stage;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.cephsync.resource.CephResource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The real WAR on Payara Micro, reading real Ceph payloads from a proxbox-api stand-in over HTTP on
 * 127.0.0.1. Tests run in order: each builds on the inventory the previous one left.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CephSyncIT {

    private static final String API_KEY = TestDeployment.API_KEY;
    private static final String REEF = "pve8-reef-18.2.7";
    private static final String PACIFIC = "pve7-pacific-16.2.15";
    /** Endpoints the database has never seen, whatever earlier runs left in it. */
    private static final long RUN = System.currentTimeMillis() / 1000 % 100_000_000L * 10;
    private static final long REEF_ID = RUN + 1;
    private static final long PACIFIC_ID = RUN + 2;
    private static final String REEF_NAME = "reef-" + RUN;
    private static final String PACIFIC_NAME = "pacific-" + RUN;
    private static final String CHUNK_SIZE = String.valueOf(TestDeployment.CHUNK_SIZE);

    private static SnapshotDir snapshot;
    private static ProxboxStandIn proxbox;

    @ArquillianResource
    private URL base;

    private AdminClient api;

    @Deployment(testable = false)
    static WebArchive deployment() throws IOException {
        snapshot = new SnapshotDir(Files.createTempDirectory("ceph-sync-it"))
                .put(REEF_ID, REEF_NAME, REEF, "healthy")
                .put(PACIFIC_ID, PACIFIC_NAME, PACIFIC, "degraded");
        proxbox = new ProxboxStandIn(snapshot.root(), API_KEY).start();
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
        proxbox.clearFaults();
        api.settings("{\"branching_enabled\": false}");
    }

    private JsonObject sync(long endpoint, String... resources) {
        String list = resources.length == 0 ? "\"full\"" : "\"" + String.join("\",\"", resources) + "\"";
        return api.sync("{\"resources\":[" + list + "],\"endpoints\":[" + endpoint + "]}");
    }

    @Test
    @Order(1)
    void aFullSyncOfTheHealthySnapshotGivesTheInventory() {
        JsonObject job = sync(REEF_ID);

        assertEquals("COMPLETED", job.getString("status"), job::toString);
        Map<String, Integer> expected = Map.of("status", 1, "daemons", 8, "osds", 4, "pools", 7,
                "filesystems", 1, "crush", 3, "flags", 11);
        expected.forEach((resource, n) -> {
            JsonObject stage = stage(job, resource);
            assertEquals("ok", stage.getString("status"), stage::toString);
            assertEquals(n, stage.getJsonObject("response").getInt("fetched"), resource + " fetched");
            assertEquals(n, stage.getJsonObject("response").getInt("created"), resource + " created");
        });

        JsonObject cluster = api.rows("clusters", REEF_ID).get("lab-reef");
        assertEquals("HEALTH_OK", cluster.getString("health"));
        assertFalse(cluster.getString("fsid").isBlank());
        assertEquals(List.of("pve1", "pve2", "pve3"), cluster.getJsonArray("quorum_names").getValuesAs(jakarta.json.JsonString::getString));
        assertEquals(0, api.rows("health-checks", REEF_ID).size());

        Map<String, JsonObject> osds = api.rows("osds", REEF_ID);
        assertEquals(Set.of("osd.0", "osd.1", "osd.2", "osd.3"), osds.keySet());
        JsonObject osd3 = osds.get("osd.3");
        assertAll(() -> assertEquals(3, osd3.getInt("osd_id")),
                () -> assertEquals("pve1", osd3.getString("host")),
                () -> assertTrue(osd3.getBoolean("up")),
                () -> assertTrue(osd3.getBoolean("in_cluster")),
                () -> assertEquals("hdd", osd3.getString("device_class")),
                () -> assertEquals(34359738368L, osd3.getJsonNumber("total_bytes").longValue()),
                () -> assertEquals(cluster.getInt("id"), osd3.getInt("cluster")),
                () -> assertEquals("pve1", osd3.getJsonObject("metadata").getJsonObject("ceph_metadata").getString("hostname")));

        Map<String, JsonObject> pools = api.rows("pools", REEF_ID);
        assertEquals(7, pools.size());
        assertEquals("rbd", pools.get("vm-pool").getString("application"));
        double percent = pools.get("vm-pool").getJsonNumber("percent_used").doubleValue();
        assertTrue(percent > 0 && percent <= 100, "percent_used is a percentage: " + percent);

        JsonObject fs = api.rows("filesystems", REEF_ID).get("cephfs");
        assertEquals(pools.get("cephfs_metadata").getInt("id"), fs.getInt("metadata_pool"));
        assertEquals(List.of("cephfs_data"), fs.getJsonArray("data_pools").getValuesAs(jakarta.json.JsonString::getString));

        Map<String, JsonObject> rules = api.rows("crush-rules", REEF_ID);
        assertEquals("hdd", rules.get("replicated_hdd").getString("device_class"));
        assertEquals("erasure", rules.get("ecpool-data").getString("rule_type"));

        Map<String, JsonObject> daemons = api.rows("daemons", REEF_ID);
        assertEquals(Set.of("mon.pve1", "mon.pve2", "mon.pve3", "mgr.pve1", "mgr.pve2", "mgr.pve3", "mds.pve1", "mds.pve3"),
                daemons.keySet());
        assertTrue(api.rows("flags", REEF_ID).values().stream().noneMatch(f -> f.getBoolean("enabled")));
    }

    /** NetBox clients start at the API root (pynetbox's nb.version reads API-Version) and the status. */
    @Test
    @Order(1)
    void theApiRootAndStatusAnswerAsNetBoxDoes() {
        AdminClient reader = new AdminClient(api.base(), TestUsers.READER);
        AdminClient.Answer root = reader.call("GET", "api/", null);
        assertEquals(200, root.status(), () -> root.body().toString());
        assertEquals("4.2", root.header("API-Version"));
        assertTrue(root.json().getString("status").endsWith("/api/status/"), root.body()::toString);
        assertTrue(root.json().getString("plugins").endsWith("/api/plugins/"), root.body()::toString);

        AdminClient.Answer status = reader.call("GET", "api/status/", null);
        assertEquals(200, status.status(), () -> status.body().toString());
        JsonObject body = status.json();
        assertEquals("0.0.1", body.getJsonObject("plugins").getString("netbox_ceph"));
        assertTrue(body.getString("ceph-sync-version").matches("\\d+\\.\\d+\\.\\d+.*"), body::toString);
        assertTrue(List.of("H2", "PostgreSQL").contains(body.getString("database")), body::toString);
        assertFalse(body.getString("server").isBlank(), body::toString);

        assertEquals(401, new AdminClient(api.base(), null).call("GET", "api/status/", null).status(), "only for callers who log in");
    }

    @Test
    @Order(2)
    void aResyncWithNothingNewChangesNoRow() {
        Map<String, Map<String, JsonObject>> before = inventory(REEF_ID);
        proxbox.clearLog();

        JsonObject job = sync(REEF_ID);

        assertEquals("COMPLETED", job.getString("status"), job::toString);
        Map<String, Long> planned = Arrays.stream(CephResource.values()).flatMap(r -> r.paths().stream())
                .collect(Collectors.groupingBy(path -> ProxboxStandIn.pve(path.replace("{node}", "pve1")), Collectors.counting()));
        planned.put(ProxboxStandIn.pve(CephResource.CLUSTER_STATUS), 1L);
        assertEquals(planned, proxbox.counts().entrySet().stream().filter(e -> e.getKey().startsWith(ProxboxStandIn.API_PREFIX))
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().longValue())),
                "one request per path of each resource's fetch plan, and the cluster status once a run");
        for (String resource : CephResource.wireNames()) {
            JsonObject counts = stage(job, resource).getJsonObject("response");
            assertEquals(0, counts.getInt("created") + counts.getInt("updated") + counts.getInt("deleted"), resource + ": " + counts);
            assertEquals(counts.getInt("fetched"), counts.getInt("unchanged"), resource + ": " + counts);
        }
        assertEquals(before, inventory(REEF_ID), "rows, last_updated included, are as they were");
    }

    @Test
    @Order(3)
    void theDegradedSnapshotUpdatesCreatesAndDeletesExactlyWhatChanged() {
        Map<String, Map<String, JsonObject>> healthy = inventory(REEF_ID);
        snapshot.put(REEF_ID, REEF_NAME, REEF, "degraded");

        JsonObject job = sync(REEF_ID);

        assertEquals("COMPLETED", job.getString("status"), job::toString);
        Map<String, JsonObject> checks = api.rows("health-checks", REEF_ID);
        assertEquals(new TreeSet<>(Set.of("MDS_INSUFFICIENT_STANDBY", "MON_DOWN", "OSDMAP_FLAGS", "OSD_DOWN",
                "OSD_HOST_DOWN", "PG_DEGRADED")), new TreeSet<>(checks.keySet()));
        JsonObject status = stage(job, "status").getJsonObject("response");
        assertEquals(6, status.getInt("created"), status::toString);
        assertEquals(1, status.getInt("updated"), status::toString);
        assertEquals("HEALTH_WARN", api.rows("clusters", REEF_ID).get("lab-reef").getString("health"));

        Map<String, JsonObject> flags = api.rows("flags", REEF_ID);
        assertEquals(2, stage(job, "flags").getJsonObject("response").getInt("updated"));
        assertEquals(Set.of("noout", "noscrub"), new TreeSet<>(flags.values().stream()
                .filter(f -> f.getBoolean("enabled")).map(f -> f.getString("name")).toList()));

        Map<String, JsonObject> osds = api.rows("osds", REEF_ID);
        assertFalse(osds.get("osd.2").getBoolean("up"), "osd.2 is down");
        assertTrue(osds.get("osd.3").getBoolean("up"), "osd.3 is still up");
        assertFalse(osds.get("osd.3").getBoolean("in_cluster"), "osd.3 is out");
        assertEquals("stopped", api.rows("daemons", REEF_ID).get("mon.pve3").getString("state"));

        Map<String, Map<String, JsonObject>> degraded = inventory(REEF_ID);
        for (String model : List.of("osds", "pools", "daemons", "crush-rules", "flags", "filesystems", "clusters")) {
            assertEquals(healthy.get(model).keySet(), degraded.get(model).keySet(), model + ": same rows, no duplicates");
            healthy.get(model).forEach((name, row) -> assertEquals(row.getInt("id"), degraded.get(model).get(name).getInt("id"),
                    model + " " + name + " keeps its id"));
        }
        for (String resource : CephResource.wireNames()) {
            assertEquals(0, stage(job, resource).getJsonObject("response").getInt("deleted"), resource);
        }
    }

    @Test
    @Order(4)
    void backToHealthyDeletesTheResolvedChecks() {
        snapshot.put(REEF_ID, REEF_NAME, REEF, "healthy");

        JsonObject job = sync(REEF_ID);

        assertEquals("COMPLETED", job.getString("status"), job::toString);
        assertEquals(6, stage(job, "status").getJsonObject("response").getInt("deleted"));
        assertEquals(0, api.rows("health-checks", REEF_ID).size());
        assertEquals("HEALTH_OK", api.rows("clusters", REEF_ID).get("lab-reef").getString("health"));
    }

    @Test
    @Order(5)
    void aFailureMidStepIsRestartedFromItsCheckpointAndEndsLikeACleanRun() {
        AdminClient.Answer armed = api.call("POST", "api/test/faults?resource=flags&after=1", null);
        assertEquals(204, armed.status());

        JsonObject failed = sync(PACIFIC_ID);

        assertEquals("FAILED", failed.getString("status"), failed::toString);
        JsonObject flagsStage = stage(failed, "flags");
        assertEquals("error", flagsStage.getString("status"));
        assertTrue(flagsStage.getString("error").contains("injected failure"), flagsStage::toString);
        assertEquals(Integer.parseInt(CHUNK_SIZE), api.rows("flags", PACIFIC_ID).size(), "the first chunk was committed");
        assertEquals("ok", stage(failed, "crush").getString("status"));

        api.call("DELETE", "api/test/faults", null);
        AdminClient.Answer restarted = api.call("POST", "api/sync/jobs/" + failed.getInt("id") + "/restart", null);
        assertEquals(202, restarted.status(), () -> restarted.body().toString());
        assertNotEquals(failed.getInt("id"), restarted.json().getInt("id"));
        assertEquals(failed.getInt("instance_id"), restarted.json().getInt("instance_id"));
        JsonObject done = api.await(restarted.json().getInt("id"));

        assertEquals("COMPLETED", done.getString("status"), done::toString);
        assertEquals(List.of("flags", "merge"), AdminClient.stepNames(done), "completed steps are not run again");
        JsonObject flags = stage(done, "flags").getJsonObject("response");
        assertEquals(11, flags.getInt("created"), flags::toString);
        // the restart resumes after the committed chunk: the flags that chunk wrote are not read again (they would
        // count as unchanged). The step's read count cannot tell: Payara's batch runtime adds up a partitioned
        // step's reads over all of its executions.
        assertEquals(0, flags.getInt("unchanged"), flags::toString);
        assertEquals(11, api.rows("flags", PACIFIC_ID).size());

        AdminClient.Answer again = api.call("POST", "api/sync/jobs/" + done.getInt("id") + "/restart", null);
        assertEquals(409, again.status(), "a completed run is not restartable");
        assertEquals("application/problem+json", again.contentType());

        JsonObject clean = sync(PACIFIC_ID);
        assertEquals("COMPLETED", clean.getString("status"), clean::toString);
        for (String resource : CephResource.wireNames()) {
            JsonObject counts = stage(clean, resource).getJsonObject("response");
            assertEquals(counts.getInt("fetched"), counts.getInt("unchanged"),
                    resource + ": a clean run finds exactly what the restarted run wrote: " + counts);
        }
    }

    @Test
    @Order(6)
    void badInputFromTheSourceFailsTheStageReadablyAndDeletesNothing() {
        Map<String, Map<String, JsonObject>> before = inventory(REEF_ID);

        proxbox.fault(ProxboxStandIn.pve("/cluster/ceph/flags"), ProxboxStandIn.Fault.truncated());
        assertStageFails("flags", "malformed JSON");

        proxbox.clearFaults().clearLog();
        proxbox.fault(ProxboxStandIn.pve("/nodes/pve1/ceph/osd"), ProxboxStandIn.Fault.status(401));
        assertStageFails("osds", "401");
        assertEquals(1, proxbox.count(ProxboxStandIn.pve("/nodes/pve1/ceph/osd")), "a 401 is not retried");

        proxbox.clearFaults().clearLog();
        proxbox.fault(ProxboxStandIn.pve("/nodes/pve1/ceph/pool"), ProxboxStandIn.Fault.status(500));
        assertStageFails("pools", "500");
        assertEquals(4, proxbox.count(ProxboxStandIn.pve("/nodes/pve1/ceph/pool")), "a 500 is retried 3 times");

        proxbox.clearFaults().clearLog();
        proxbox.fault(ProxboxStandIn.pve("/nodes/pve1/ceph/fs"), ProxboxStandIn.Fault.delay(Duration.ofSeconds(3)));
        assertStageFails("filesystems", "imeout");

        proxbox.clearFaults().clearLog();
        proxbox.fault(ProxboxStandIn.pve("/cluster/ceph/flags"), ProxboxStandIn.Fault.rateLimited(1).times(2));
        JsonObject rateLimited = sync(REEF_ID, "flags");
        assertEquals("COMPLETED", rateLimited.getString("status"), "429 is waited out: " + rateLimited);
        assertEquals(3, proxbox.count(ProxboxStandIn.pve("/cluster/ceph/flags")));

        proxbox.clearFaults().apiKey("not-the-key");
        try {
            JsonObject refused = sync(REEF_ID, "osds");
            assertEquals("FAILED", refused.getString("status"));
            assertTrue(stage(refused, "osds").getString("error").contains("401"), refused::toString);
        } finally {
            proxbox.apiKey(API_KEY);
        }

        JsonObject nowhere = api.sync("{\"endpoints\":[" + (RUN + 9) + "]}");
        assertEquals("FAILED", nowhere.getString("status"));
        assertTrue(stage(nowhere, "status").getString("error").contains("no endpoint in scope"), nowhere::toString);

        assertEquals(before, inventory(REEF_ID), "nothing was deleted or changed");
    }

    @Test
    @Order(7)
    void badRequestsGetProblemDetails() {
        AdminClient.Answer unknown = api.call("POST", "api/sync/jobs", "{\"resources\":[\"osds\",\"bogus\"]}");
        assertEquals(400, unknown.status());
        assertEquals("application/problem+json", unknown.contentType());
        assertTrue(unknown.json().getString("detail").contains("status, daemons, osds, pools, filesystems, crush, flags, full"),
                unknown.body()::toString);

        AdminClient.Answer missing = api.call("GET", "api/sync/jobs/987654321", null);
        assertEquals(404, missing.status());
        assertEquals("application/problem+json", missing.contentType());

        AdminClient.Answer write = api.call("POST", "api/plugins/ceph/osds/", "{}");
        assertEquals(405, write.status());

        JsonObject list = api.get("api/sync/jobs?limit=2");
        assertEquals(2, list.getJsonArray("results").size());
        assertTrue(list.getInt("count") >= 9, list::toString);
        assertTrue(list.getString("next").contains("offset=2"), list::toString);
        assertEquals(JsonValue.NULL, list.get("previous"));
    }

    /** netbox-ceph 0.0.1's api/serializers.py, field for field (its fields and brief_fields, per model). */
    private static final Map<String, List<String>> NETBOX_CEPH_FIELDS = Map.of(
            "clusters", List.of("endpoint", "proxmox_cluster", "name", "fsid", "health", "quorum_names", "status", "last_seen_at"),
            "health-checks", List.of("endpoint", "cluster", "name", "severity", "summary", "detail", "source", "first_seen_at", "last_seen_at"),
            "daemons", List.of("endpoint", "cluster", "proxmox_node", "daemon_type", "name", "daemon_id", "host", "state", "status",
                    "version", "metadata", "last_seen_at"),
            "osds", List.of("endpoint", "cluster", "proxmox_node", "osd_id", "name", "host", "up", "in_cluster", "status", "device_class",
                    "weight", "reweight", "used_bytes", "available_bytes", "total_bytes", "pgs", "metadata", "last_seen_at"),
            "pools", List.of("endpoint", "cluster", "name", "pool_id", "size", "min_size", "pg_num", "pg_autoscale_mode", "crush_rule",
                    "application", "used_bytes", "max_available_bytes", "percent_used", "status", "last_seen_at"),
            "filesystems", List.of("endpoint", "cluster", "name", "metadata_pool", "data_pools", "standby_count_wanted", "status", "last_seen_at"),
            "crush-rules", List.of("endpoint", "cluster", "name", "rule_id", "rule_type", "device_class", "steps", "raw", "last_seen_at"),
            "flags", List.of("endpoint", "cluster", "name", "enabled", "value", "raw", "last_seen_at"));
    private static final Map<String, List<String>> NETBOX_CEPH_BRIEF = Map.of(
            "clusters", List.of("name", "health"), "health-checks", List.of("name", "severity"),
            "daemons", List.of("daemon_type", "name", "state"), "osds", List.of("osd_id", "up", "in_cluster"),
            "pools", List.of("name"), "filesystems", List.of("name"), "crush-rules", List.of("name", "rule_type"),
            "flags", List.of("name", "enabled"));

    @Test
    @Order(8)
    void everyModelHasNetboxCephsSerializerShapeAndRefusesWrites() {
        assertEquals("COMPLETED", sync(PACIFIC_ID).getString("status"), "the degraded snapshot: a row of every model");
        for (String model : NETBOX_CEPH_FIELDS.keySet()) {
            JsonObject row = api.get("api/plugins/ceph/" + model + "/?endpoint=" + PACIFIC_ID + "&limit=1").getJsonArray("results").getJsonObject(0);
            List<String> expected = new java.util.ArrayList<>(List.of("id", "url", "display"));
            expected.addAll(NETBOX_CEPH_FIELDS.get(model));
            expected.addAll(List.of("tags", "custom_fields", "created", "last_updated"));
            assertEquals(expected, List.copyOf(row.keySet()), model + ": " + row);
            assertEquals(JsonValue.EMPTY_JSON_ARRAY, row.get("tags"));
            assertEquals(JsonValue.EMPTY_JSON_OBJECT, row.get("custom_fields"));
            assertEquals(PACIFIC_ID, row.getJsonNumber("endpoint").longValue(), model + ": endpoint as its id");

            String detail = "api/plugins/ceph/" + model + "/" + row.getInt("id") + "/";
            List<String> brief = new java.util.ArrayList<>(List.of("id", "url", "display"));
            brief.addAll(NETBOX_CEPH_BRIEF.get(model));
            JsonObject briefRow = api.get("api/plugins/ceph/" + model + "/?endpoint=" + PACIFIC_ID + "&limit=1&brief=true")
                    .getJsonArray("results").getJsonObject(0);
            assertEquals(brief, List.copyOf(briefRow.keySet()), model + " brief: " + briefRow);
            assertEquals(brief, List.copyOf(api.get(detail + "?brief=True").keySet()), model + " brief detail (pynetbox sends True)");
            brief.forEach(field -> assertEquals(row.get(field), briefRow.get(field), model + " brief " + field));

            String list = "api/plugins/ceph/" + model + "/";
            for (String[] write : List.of(new String[] {"POST", list}, new String[] {"PUT", list}, new String[] {"PATCH", list},
                    new String[] {"DELETE", list}, new String[] {"PUT", detail}, new String[] {"PATCH", detail},
                    new String[] {"DELETE", detail})) {
                AdminClient.Answer refused = api.call(write[0], write[1], "DELETE".equals(write[0]) ? null : "{}");
                assertEquals(405, refused.status(), () -> write[0] + " " + write[1] + ": " + refused.body());
                assertEquals("application/problem+json", refused.contentType());
            }
        }
        assertEquals(JsonValue.NULL, api.get("api/plugins/ceph/daemons/?endpoint=" + PACIFIC_ID + "&limit=1")
                .getJsonArray("results").getJsonObject(0).get("proxmox_node"), "no NetBox configured: no ProxmoxNode");

        JsonObject settings = api.get("api/plugins/ceph/settings/").getJsonArray("results").getJsonObject(0);
        assertEquals(List.of("id", "url", "display", "branching_enabled", "branch_name_prefix", "branch_on_conflict",
                "sync_interval_minutes", "tags", "custom_fields", "created", "last_updated"), List.copyOf(settings.keySet()), settings::toString);
    }

    private void assertStageFails(String resource, String reason) {
        JsonObject job = sync(REEF_ID, resource);
        assertEquals("FAILED", job.getString("status"), job::toString);
        JsonObject stage = stage(job, resource);
        assertEquals("error", stage.getString("status"), stage::toString);
        assertTrue(stage.getString("error").contains(reason), () -> "reason should mention " + reason + ": " + stage);
        assertTrue(stage.getString("error").contains(REEF_NAME), () -> "reason should name the endpoint: " + stage);
    }

    private Map<String, Map<String, JsonObject>> inventory(long endpoint) {
        Map<String, Map<String, JsonObject>> all = new java.util.HashMap<>();
        for (String model : List.of("clusters", "health-checks", "daemons", "osds", "pools", "filesystems", "crush-rules", "flags")) {
            all.put(model, api.rows(model, endpoint));
        }
        return all;
    }
}
