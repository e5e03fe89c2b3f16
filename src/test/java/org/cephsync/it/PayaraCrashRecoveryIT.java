package org.cephsync.it;

import static org.cephsync.it.AdminClient.stage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.cephsync.resource.CephResource;
import org.junit.jupiter.api.Test;

/**
 * Crash recovery with a real kill of a real server, in each of the seven resource steps. Not Arquillian: this
 * test runs Payara Micro itself (the project's uber jar, target/ceph-sync-micro.jar, else payara-micro.jar with
 * the WAR; either way at /ceph-sync) on 127.0.0.1 with its own {@code --rootdir} under the build dir, reading a
 * synthetic 6,000-OSD cluster from the proxbox-api stand-in. For each step it starts a full run and kills the
 * server with SIGKILL while that step runs: osds while it has committed some chunks and not others, the
 * others while their fetch waits on a slow answer of the stand-in. It starts the server again on the same
 * rootdir and checks that:
 * <ul>
 *   <li>the run and its history survived (job repository and inventory are durable under the rootdir), and
 *       the rows read back have the times they had (timestamps at the database's precision);</li>
 *   <li>the interrupted execution is now FAILED (the application's startup recovery) and its stage an error,
 *       the stages before it ok, those after it pending;</li>
 *   <li>the admin restart runs only the steps left (osds: right after the last committed chunk) and completes;</li>
 *   <li>the inventory is then exactly what a clean run gives: a following full run finds every row unchanged.</li>
 * </ul>
 */
class PayaraCrashRecoveryIT {

    private static final Logger LOG = Logger.getLogger(PayaraCrashRecoveryIT.class.getName());
    private static final int OSDS = 6000;
    private static final int HOSTS = 30;
    private static final int CHUNK = 10;
    private static final long ENDPOINT_ID = 1;
    private static final String ENDPOINT = "crash-lab";
    private static final String API_KEY = "crash-it-proxbox-key";
    private static final List<String> RESOURCES = CephResource.wireNames();
    /** A path of each step's fetch (its first) that the stand-in answers slowly, so that the kill lands in that step. */
    private static String slowPath(String resource) {
        return CephResource.byWireName(resource).orElseThrow().paths().get(0).replace("{node}", "pve1");
    }

    @Test
    void aServerKilledInAnyStepIsRecoveredAtItsNextStartAndItsRestartEndsLikeACleanRun() throws Exception {
        Path work = PayaraMicroProcess.freshWorkDir("crash-recovery-it");
        Path snapshot = syntheticSnapshot(work.resolve("snapshot"));
        Path rootDir;
        try (ProxboxStandIn proxbox = new ProxboxStandIn(snapshot, API_KEY).start();
                PayaraMicroProcess server = new PayaraMicroProcess(work, List.of("proxbox.url=" + proxbox.baseUri(),
                        "proxbox.api-key=" + API_KEY, "proxbox.read-timeout-seconds=60", "ceph-sync.chunk-size=" + CHUNK))) {
            rootDir = server.rootDir();
            server.start();
            // osds first, while the inventory is empty: the rows its committed chunks created are then countable
            killDuringAndRecover(server, proxbox, "osds");
            for (String resource : RESOURCES) {
                if (!"osds".equals(resource)) {
                    killDuringAndRecover(server, proxbox, resource);
                }
            }
        }
        // the embedded database and the job repository live under the rootdir, not in a temp dir
        if (System.getenv("CEPH_SYNC_DATABASE_URL") != null) {
            return; // PostgreSQL: the runs that survived each kill above are in it
        }
        try (Stream<Path> files = Files.walk(rootDir)) {
            assertFalse(files.filter(p -> p.getFileName().toString().endsWith(".mv.db")).toList().isEmpty(),
                    "an H2 database file under " + rootDir);
        }
    }

    private static void killDuringAndRecover(PayaraMicroProcess server, ProxboxStandIn proxbox, String resource) throws Exception {
        AdminClient api = server.api();
        int position = RESOURCES.indexOf(resource);
        String slowPath = resource.equals("osds") ? null : ProxboxStandIn.pve(slowPath(resource)); // osds: killed mid-write
        if (slowPath != null) {
            proxbox.clearLog().fault(slowPath, ProxboxStandIn.Fault.delay(Duration.ofSeconds(40)));
        }

        // 1. a full run, killed with SIGKILL in the middle of the step
        AdminClient.Answer started = api.call("POST", "api/sync/jobs", "{\"resources\":[\"full\"]}");
        assertEquals(202, started.status(), () -> "start: " + started.body());
        long executionId = started.json().getJsonNumber("id").longValue();
        long instanceId = started.json().getJsonNumber("instance_id").longValue();
        awaitMidway(api, executionId, resource, server, () -> slowPath == null || proxbox.count(slowPath) > 0);
        // no pause before the kill: what the API has just shown as committed must survive it
        JsonObject atKill = api.get("api/sync/jobs/" + executionId);
        Map<String, JsonObject> clustersAtKill = api.rows("clusters", ENDPOINT_ID);
        int exit = server.kill9();
        LOG.info(() -> "killed Payara Micro with SIGKILL in step " + resource + ", exit " + exit + "; stage then: " + stage(atKill, resource));
        assertEquals(137, exit, "the server died of SIGKILL (128 + 9)");
        proxbox.clearFaults();

        // 2. the next start finds the run FAILED and restartable; the restart completes the run
        server.start();
        JsonObject crashed = api.get("api/sync/jobs/" + executionId);
        assertEquals("FAILED", crashed.getString("status"), () -> "after the restart of the server: " + crashed);
        assertEquals(instanceId, crashed.getJsonNumber("instance_id").longValue());
        for (String before : RESOURCES.subList(0, position)) {
            assertEquals("ok", stage(crashed, before).getString("status"), crashed::toString);
        }
        JsonObject interrupted = stage(crashed, resource);
        assertEquals("error", interrupted.getString("status"), "the interrupted stage is an error: " + interrupted);
        for (String after : RESOURCES.subList(position + 1, RESOURCES.size())) {
            assertEquals("pending", stage(crashed, after).getString("status"), crashed::toString);
        }
        assertTrue(crashed.getJsonArray("steps").stream().map(JsonValue::asJsonObject)
                .filter(s -> s.getString("name").equals(resource)).allMatch(s -> s.getString("status").equals("FAILED")),
                () -> "the " + resource + " step execution is FAILED too: " + crashed);
        assertEquals(clustersAtKill, api.rows("clusters", ENDPOINT_ID), "rows read back after the restart are as they were");
        long committed = interrupted.getJsonObject("response").getJsonNumber("created").longValue();
        if ("osds".equals(resource)) {
            assertTrue(committed >= 3L * CHUNK && committed < OSDS, "osds committed before the kill: " + committed);
            assertEquals(0, committed % CHUNK, "only whole chunks were committed: " + committed);
            assertEquals(committed, osdCount(api), "the committed chunks' rows survived the kill, the uncommitted one did not");
        }

        AdminClient.Answer restarted = api.call("POST", "api/sync/jobs/" + executionId + "/restart", null);
        assertEquals(202, restarted.status(), () -> "restart: " + restarted.body());
        long restartId = restarted.json().getJsonNumber("id").longValue();
        assertNotEquals(executionId, restartId);
        assertEquals(instanceId, restarted.json().getJsonNumber("instance_id").longValue());
        JsonObject done = api.await(restartId);

        assertEquals("COMPLETED", done.getString("status"), done::toString);
        List<String> left = new ArrayList<>(RESOURCES.subList(position, RESOURCES.size()));
        left.add("merge");
        assertEquals(left, AdminClient.stepNames(done), "the completed steps are not run again");
        if ("osds".equals(resource)) {
            JsonObject osds = stage(done, "osds").getJsonObject("response");
            assertEquals(OSDS, osds.getInt("fetched"), osds::toString);
            // the restart resumes osds right after the last committed chunk: the OSDs committed before the kill are
            // not read again (they would count as unchanged)
            assertEquals(OSDS, osds.getInt("created"), osds::toString);
            assertEquals(0, osds.getInt("unchanged"), osds::toString);
        }
        for (String each : RESOURCES) {
            assertEquals("ok", stage(done, each).getString("status"), each);
        }
        assertEquals(OSDS, osdCount(api));

        // 3. the inventory is what a clean run gives: a full run now changes nothing
        JsonObject clean = api.sync("{\"resources\":[\"full\"]}");
        assertEquals("COMPLETED", clean.getString("status"), clean::toString);
        for (String each : RESOURCES) {
            JsonObject counts = stage(clean, each).getJsonObject("response");
            assertEquals(0, counts.getInt("created") + counts.getInt("updated") + counts.getInt("deleted"),
                    "after a kill in " + resource + ", " + each + ": " + counts);
            assertEquals(counts.getInt("fetched"), counts.getInt("unchanged"), each + ": " + counts);
        }
        assertEquals(OSDS, stage(clean, "osds").getJsonObject("response").getInt("unchanged"));
    }

    private static long osdCount(AdminClient api) {
        return api.get("api/plugins/ceph/osds/?endpoint=" + ENDPOINT_ID + "&limit=1").getInt("count");
    }

    /**
     * Polls the run until the step is running and, for osds, has committed some chunks but far from all; for
     * the others, until {@code inFetch} says the step's slow request has been made.
     */
    private static void awaitMidway(AdminClient api, long executionId, String resource, PayaraMicroProcess server,
                                     java.util.function.BooleanSupplier inFetch) {
        Instant deadline = Instant.now().plusSeconds(180);
        while (Instant.now().isBefore(deadline)) {
            JsonObject job = api.get("api/sync/jobs/" + executionId);
            JsonValue stages = job.getJsonObject("data").getJsonObject("ceph_sync").getJsonObject("response").get("stages");
            if (stages instanceof jakarta.json.JsonArray list && !list.isEmpty()) {
                JsonObject stage = stage(job, resource);
                JsonValue response = stage.get("response");
                long created = response instanceof JsonObject r ? r.getJsonNumber("created").longValue() : 0;
                boolean running = "running".equals(stage.getString("status"));
                if (running && ("osds".equals(resource) ? created >= 3L * CHUNK && created <= OSDS / 4 : inFetch.getAsBoolean())) {
                    return;
                }
                if ("osds".equals(resource) && created > OSDS / 2 || !running && !"pending".equals(stage.getString("status"))) {
                    fail("the run was not caught in the middle of " + resource + ": " + job);
                }
            }
            if (!Set.of("STARTING", "STARTED").contains(job.getString("status"))) {
                fail("the run ended before it was caught in " + resource + ": " + job);
            }
            if (!server.isAlive()) {
                fail("the server stopped by itself; see " + server.log());
            }
            PayaraMicroProcess.sleep(20);
        }
        fail("the " + resource + " step did not get going in 180 s");
    }

    // ------------------------------------------------------------------------------------- the snapshot

    /** The reef "healthy" fixture under one endpoint, its OSD tree replaced by OSDS OSDs on HOSTS hosts. */
    private static Path syntheticSnapshot(Path root) throws IOException {
        Path fixture = ProxboxStandIn.fixture("pve8-reef-18.2.7", "healthy");
        Path endpointDir;
        try (Stream<Path> entries = Files.list(fixture)) {
            endpointDir = entries.filter(Files::isDirectory).findFirst().orElseThrow();
        }
        copyTree(endpointDir, root.resolve(ENDPOINT));
        Files.writeString(root.resolve("endpoints.json"), Json.createArrayBuilder().add(Json.createObjectBuilder()
                .add("id", ENDPOINT_ID).add("name", ENDPOINT).add("ip_address", "127.0.0.1").addNull("domain")
                .add("port", 8006).add("username", "root@pam").add("verify_ssl", false)).build().toString());

        Path osdFile = root.resolve(ENDPOINT).resolve("nodes/pve1/ceph/osd.json");
        JsonObject original = AdminClient.parse(Files.readString(osdFile)).asJsonObject().getJsonObject("data");
        JsonObject leaf = firstOsd(original.getJsonObject("root"));
        JsonArrayBuilder hosts = Json.createArrayBuilder();
        // ids interleaved over the hosts, as when OSDs are created on every host at once: a chunk's ids are
        // then sparse, which the writer looks up by an IN list rather than by their range alone
        for (int h = 0; h < HOSTS; h++) {
            String host = "node" + h;
            JsonArrayBuilder osds = Json.createArrayBuilder();
            for (int i = 0; i < OSDS / HOSTS; i++) {
                int id = i * HOSTS + h;
                JsonObjectBuilder osd = Json.createObjectBuilder(leaf);
                osds.add(osd.add("id", String.valueOf(id)).add("name", "osd." + id).add("host", host));
            }
            hosts.add(Json.createObjectBuilder().add("children", osds).add("id", String.valueOf(-2 - h)).add("leaf", 0)
                    .add("name", host).add("type", "host"));
        }
        JsonObject tree = Json.createObjectBuilder(original).add("root", Json.createObjectBuilder(original.getJsonObject("root"))
                .add("children", Json.createArrayBuilder().add(Json.createObjectBuilder().add("children", hosts)
                        .add("id", "-1").add("name", "default").add("type", "root")))).build();
        Files.writeString(osdFile, Json.createObjectBuilder().add("data", tree).build().toString());
        return root;
    }

    private static JsonObject firstOsd(JsonObject node) {
        if ("osd".equals(node.getString("type", ""))) {
            return node;
        }
        for (JsonValue child : node.getJsonArray("children") == null ? List.<JsonValue>of() : node.getJsonArray("children")) {
            JsonObject found = firstOsd(child.asJsonObject());
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    // -------------------------------------------------------------------------------------- the server

    // ----------------------------------------------------------------------------------------- helpers

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }
}
