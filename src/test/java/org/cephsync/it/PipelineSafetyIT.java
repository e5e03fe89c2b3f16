package org.cephsync.it;

import static org.cephsync.it.AdminClient.stage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A run that does not go cleanly loses nothing: a failed write, an Error, a failed commit, a processor that
 * throws, and a stop, each in the middle of a step whose complete read would update rows, delete nothing and
 * leave the stage saying what happened; the restart then ends with exactly the inventory a clean run gives.
 * Around that: one run at a time, no merge of a branch while its run writes it (and one of two concurrent
 * merges), and no restart of a run a newer one has superseded.
 */
@ExtendWith(ArquillianExtension.class)
class PipelineSafetyIT {

    private static final String REEF = "pve8-reef-18.2.7";
    private static final long RUN = System.currentTimeMillis() / 1000 % 100_000_000L * 10 + 5;
    private static final List<String> CASES = List.of("fail", "error", "commit", "process", "stop", "conflicts", "superseded");
    /** The flags the degraded snapshot sets (the healthy one sets none). */
    private static final Set<String> DEGRADED_FLAGS = Set.of("noout", "noscrub");

    private static SnapshotDir snapshot;
    private static ProxboxStandIn proxbox;

    @ArquillianResource
    private URL base;

    private AdminClient api;

    /** An endpoint of its own for each case, so the cases do not depend on each other's order. */
    private static long endpoint(String kase) {
        return RUN * 100 + CASES.indexOf(kase) + 1;
    }

    /** Four endpoints of their own for the parallel read, as many as ceph-sync.parallel-endpoints reads at once by default. */
    private static final List<Long> PARALLEL = List.of(RUN * 100 + 51, RUN * 100 + 52, RUN * 100 + 53, RUN * 100 + 54);

    @Deployment(testable = false)
    static WebArchive deployment() throws IOException {
        snapshot = new SnapshotDir(Files.createTempDirectory("ceph-sync-safety-it"));
        for (String kase : CASES) {
            snapshot.put(endpoint(kase), "safety-" + endpoint(kase), REEF, "healthy");
        }
        for (long ep : PARALLEL) {
            snapshot.put(ep, "safety-" + ep, REEF, "healthy");
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
    void disarm() {
        api.call("DELETE", "api/test/faults", null);
        proxbox.clearFaults();
        api.settings("{\"branching_enabled\": false}");
    }

    @Test
    void aFailedWriteDeletesNothingAndTheRestartEndsLikeACleanRun() {
        faultMidStepThenRestart("fail");
    }

    @Test
    void anErrorDeletesNothingAndTheRestartEndsLikeACleanRun() {
        faultMidStepThenRestart("error");
    }

    @Test
    void aFailedCommitDeletesNothingAndTheRestartEndsLikeACleanRun() {
        faultMidStepThenRestart("commit");
    }

    @Test
    void aProcessorFailureDeletesNothingAndTheRestartEndsLikeACleanRun() {
        faultMidStepThenRestart("process");
    }

    @Test
    void aStopMidStepDeletesNothingAndTheRestartEndsLikeACleanRun() {
        faultMidStepThenRestart("stop");
    }

    /**
     * The flags step of a degraded endpoint runs in three chunks (4 + 4 + 3 items and the end mark); the fault
     * comes after the first has committed. Before the fix, a stopped run's restart deleted every row.
     */
    private void faultMidStepThenRestart(String kind) {
        long ep = endpoint(kind);
        assertEquals("COMPLETED", sync(ep).getString("status"));
        Map<String, JsonObject> before = api.rows("flags", ep);
        assertEquals(11, before.size());
        snapshot.put(ep, "safety-" + ep, REEF, "degraded");

        JsonObject broken = "stop".equals(kind) ? stoppedMidStep(ep) : failedMidStep(ep, kind);

        JsonObject flags = stage(broken, "flags");
        if ("stop".equals(kind)) {
            assertEquals("STOPPED", broken.getString("status"), broken::toString);
            assertEquals("stopped", flags.getString("status"), flags::toString);
        } else {
            assertEquals("FAILED", broken.getString("status"), broken::toString);
            assertEquals("error", flags.getString("status"), flags::toString);
            assertTrue(flags.getString("error").contains("injected"), () -> "the stage says why: " + flags);
        }
        assertEquals("fetched", flags.getJsonObject("response").getJsonArray("endpoints").getJsonObject(0).getString("status"),
                flags::toString);
        assertEquals(before.keySet(), api.rows("flags", ep).keySet(), "nothing was deleted");
        assertEquals(0, flags.getJsonObject("response").getInt("deleted"), flags::toString);

        AdminClient.Answer restarted = api.call("POST", "api/sync/jobs/" + broken.getInt("id") + "/restart", null);
        assertEquals(202, restarted.status(), () -> restarted.body().toString());
        JsonObject done = api.await(restarted.json().getInt("id"));

        assertEquals("COMPLETED", done.getString("status"), done::toString);
        assertEquals("ok", stage(done, "flags").getString("status"), done::toString);
        Map<String, JsonObject> after = api.rows("flags", ep);
        assertEquals(before.keySet(), after.keySet(), "the same rows, none lost, none doubled");
        assertEquals(DEGRADED_FLAGS, after.values().stream().filter(f -> f.getBoolean("enabled"))
                .map(f -> f.getString("name")).collect(Collectors.toCollection(TreeSet::new)));
        JsonObject counts = stage(done, "flags").getJsonObject("response");
        assertEquals(11, counts.getInt("fetched"), counts::toString);
        assertEquals(2, counts.getInt("updated"), "the two flags the degraded cluster sets: " + counts);

        JsonObject clean = sync(ep);
        assertEquals("COMPLETED", clean.getString("status"), clean::toString);
        JsonObject cleanCounts = stage(clean, "flags").getJsonObject("response");
        assertEquals(11, cleanCounts.getInt("unchanged"), "a clean run finds exactly what the restart wrote: " + cleanCounts);
    }

    private JsonObject failedMidStep(long ep, String kind) {
        AdminClient.Answer armed = api.call("POST", "api/test/faults?resource=flags&after=" + ("process".equals(kind) ? 5 : 1)
                + "&kind=" + kind, null);
        assertEquals(204, armed.status());
        return sync(ep);
    }

    private JsonObject stoppedMidStep(long ep) {
        assertEquals(204, api.call("POST", "api/test/faults?resource=flags&after=1&kind=pause", null).status());
        AdminClient.Answer started = api.call("POST", "api/sync/jobs", "{\"resources\":[\"flags\"],\"endpoints\":[" + ep + "]}");
        assertEquals(202, started.status(), () -> started.body().toString());
        long id = started.json().getJsonNumber("id").longValue();
        await(() -> api.call("GET", "api/test/faults", null).body().toString().equals("true"), "the second chunk to be written");
        AdminClient.Answer stop = api.call("POST", "api/sync/jobs/" + id + "/stop", null);
        assertEquals(202, stop.status(), () -> stop.body().toString());
        api.call("DELETE", "api/test/faults", null);
        return api.await(id);
    }

    @Test
    void oneRunAtATimeAndNoMergeWhileItsRunWritesTheBranch() throws Exception {
        long ep = endpoint("conflicts");
        api.settings("{\"branching_enabled\": true}");
        proxbox.faultEveryStep(ProxboxStandIn.Fault.delay(Duration.ofMillis(600)));
        AdminClient.Answer started = api.call("POST", "api/sync/jobs", "{\"endpoints\":[" + ep + "]}");
        assertEquals(202, started.status(), () -> started.body().toString());
        long id = started.json().getJsonNumber("id").longValue();

        AdminClient.Answer second = api.call("POST", "api/sync/jobs", "{\"resources\":[\"flags\"]}");
        assertEquals(409, second.status(), () -> second.body().toString());
        assertEquals("application/problem+json", second.contentType());
        assertTrue(second.json().getString("detail").contains("execution " + id), second.body()::toString);

        await(() -> api.get("api/sync/jobs/" + id).get("branch") instanceof JsonObject, "the run to open its branch");
        JsonObject branch = api.get("api/sync/jobs/" + id).getJsonObject("branch");
        AdminClient.Answer merge = api.call("POST", "api/plugins/branching/branches/" + branch.getInt("id") + "/merge/", "{\"commit\": true}");
        assertEquals(400, merge.status(), () -> merge.body().toString());
        assertTrue(merge.json().getString("detail").contains("being written by its run"), merge.body()::toString);

        proxbox.clearFaults();
        JsonObject done = api.await(id);
        assertEquals("COMPLETED", done.getString("status"), done::toString);
        assertEquals("merged", done.getJsonObject("branch").getString("status"), done::toString);
        assertEquals(202, api.call("POST", "api/sync/jobs", "{\"resources\":[\"flags\"],\"endpoints\":[" + ep + "]}").status(),
                "once it has ended, the next run starts");
        awaitNoRunRunning();

        // a failed run leaves its branch ready; of two merges at once, exactly one applies it
        api.call("POST", "api/test/faults?resource=flags&after=1", null);
        JsonObject failed = api.sync("{\"resources\":[\"flags\"],\"endpoints\":[" + ep + "]}");
        assertEquals("FAILED", failed.getString("status"), failed::toString);
        long branchId = failed.getJsonObject("branch").getInt("id");
        String path = "api/plugins/branching/branches/" + branchId + "/merge/";
        List<CompletableFuture<AdminClient.Answer>> merges = List.of(
                CompletableFuture.supplyAsync(() -> api.call("POST", path, "{\"commit\": true}")),
                CompletableFuture.supplyAsync(() -> api.call("POST", path, "{\"commit\": true}")));
        List<AdminClient.Answer> answers = merges.stream().map(CompletableFuture::join).toList();
        assertEquals(1, answers.stream().filter(a -> a.status() == 200 && a.json().getBoolean("merged")).count(),
                () -> "exactly one merge applies: " + answers);
        assertTrue(answers.stream().anyMatch(a -> a.status() == 400 || a.status() == 409),
                () -> "the other finds the branch merged (400), or still being merged (409): " + answers);
        assertEquals("merged", api.get("api/plugins/branching/branches/" + branchId + "/").getString("status"));
    }

    @Test
    void aRunThatANewerRunSupersededCannotBeRestarted() {
        long ep = endpoint("superseded");
        api.call("POST", "api/test/faults?resource=flags&after=1", null);
        JsonObject failed = api.sync("{\"resources\":[\"flags\"],\"endpoints\":[" + ep + "]}");
        assertEquals("FAILED", failed.getString("status"), failed::toString);
        api.call("DELETE", "api/test/faults", null);
        assertEquals("COMPLETED", sync(ep).getString("status"));

        AdminClient.Answer restart = api.call("POST", "api/sync/jobs/" + failed.getInt("id") + "/restart", null);

        assertEquals(409, restart.status(), () -> restart.body().toString());
        assertTrue(restart.json().getString("detail").contains("newer run"), restart.body()::toString);
        assertEquals(11, api.rows("flags", ep).size());
    }

    @Test
    void endpointsAreReadInParallelAndEveryOneIsWritten() {
        Duration delay = Duration.ofMillis(700); // under the test deployment's 1 s read timeout
        proxbox.fault(ProxboxStandIn.pve("/cluster/status"), ProxboxStandIn.Fault.delay(delay));
        String ids = PARALLEL.stream().map(String::valueOf).collect(Collectors.joining(","));

        JsonObject run = api.sync("{\"resources\":[\"flags\"],\"endpoints\":[" + ids + "]}");

        assertEquals("COMPLETED", run.getString("status"), run::toString);
        List<Instant> firstAsked = PARALLEL.stream().map(ep -> proxbox.requests(ProxboxStandIn.pve("/cluster/status")).stream()
                .filter(r -> ("safety-" + ep).equals(r.targetName())).map(ProxboxStandIn.RecordedRequest::at)
                .min(Instant::compareTo).orElseThrow(() -> new AssertionError("endpoint " + ep + " was not read"))).toList();
        Duration spread = Duration.between(firstAsked.stream().min(Instant::compareTo).orElseThrow(),
                firstAsked.stream().max(Instant::compareTo).orElseThrow());
        assertTrue(spread.compareTo(delay) < 0, "every endpoint was asked before the first answer came back " + delay
                + " later, so they were read at the same time; the asks spread over " + spread);
        for (long ep : PARALLEL) {
            assertEquals(11, api.rows("flags", ep).size(), "flags of endpoint " + ep);
        }
    }

    private JsonObject sync(long ep) {
        return api.sync("{\"resources\":[\"flags\"],\"endpoints\":[" + ep + "]}");
    }

    private void awaitNoRunRunning() {
        await(() -> api.get("api/sync/jobs?limit=5").getJsonArray("results").stream()
                .noneMatch(j -> Set.of("STARTING", "STARTED", "STOPPING").contains(j.asJsonObject().getString("status"))), "no run running");
    }

    private static void await(java.util.function.BooleanSupplier condition, String what) {
        Instant deadline = Instant.now().plusSeconds(60);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                fail("waited 60 s for " + what);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
