package org.cephsync.it;

import static org.cephsync.it.AdminClient.stage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * ceph-sync.job-timeout on the real server (both runtimes): a deployment configured with a 5 s timeout,
 * a source that takes 8 s to answer. The run is stopped past the timeout, ends FAILED with the reason in
 * its stage, and a restart (with the source answering at once again) completes it. The per-step figures
 * of both executions have the same shape on either server.
 */
@ExtendWith(ArquillianExtension.class)
class JobTimeoutIT {

    private static final String REEF = "pve8-reef-18.2.7";
    private static final long ENDPOINT = System.currentTimeMillis() / 1000 % 100_000_000L * 10 + 7;
    private static final Set<String> STEP_FIELDS = Set.of("name", "status", "read", "written", "skipped", "rollbacks",
            "started", "ended");

    private static ProxboxStandIn proxbox;

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive deployment() throws IOException {
        SnapshotDir snapshot = new SnapshotDir(Files.createTempDirectory("ceph-sync-timeout-it"))
                .put(ENDPOINT, "ep-" + ENDPOINT, REEF, "healthy");
        proxbox = new ProxboxStandIn(snapshot.root(), TestDeployment.API_KEY).start();
        // later lines win: a 5 s run timeout, and a read timeout longer than the slow answer below
        return TestDeployment.war(proxbox, "ceph-sync.job-timeout=PT5S", "proxbox.read-timeout-seconds=20");
    }

    @AfterAll
    static void stopStandIn() {
        if (proxbox != null) {
            proxbox.close();
        }
    }

    @Test
    void aRunPastTheJobTimeoutIsStoppedAndReportedFailedWithTheReason() throws Exception {
        AdminClient api = new AdminClient(base.toURI());
        api.settings("{\"branching_enabled\": false}");
        proxbox.fault(ProxboxStandIn.pve("/cluster/ceph/flags"), ProxboxStandIn.Fault.delay(Duration.ofSeconds(8)));

        JsonObject job = api.sync("{\"resources\":[\"flags\"],\"endpoints\":[" + ENDPOINT + "]}");

        assertEquals("FAILED", job.getString("status"), job::toString);
        JsonObject flags = stage(job, "flags");
        assertEquals("error", flags.getString("status"), flags::toString);
        assertEquals("the run exceeded ceph-sync.job-timeout (PT5S) and was stopped", flags.getString("error"), flags::toString);
        assertEquals(0, api.rows("flags", ENDPOINT).size(), "nothing was written after the deadline");
        for (JsonValue s : job.getJsonArray("steps")) {
            assertEquals(STEP_FIELDS, s.asJsonObject().keySet(), s::toString);
        }
        JsonObject step = job.getJsonArray("steps").stream().map(JsonValue::asJsonObject)
                .filter(s -> s.getString("name").equals("flags")).findFirst().orElseThrow(() -> new AssertionError(job.toString()));
        assertEquals("FAILED", step.getString("status"));
        assertEquals(0, step.getInt("read"), step::toString);
        assertEquals(0, step.getInt("written"), step::toString);
        assertTrue(job.getJsonObject("data").getJsonObject("ceph_sync").getJsonNumber("runtime_seconds").doubleValue() >= 5,
                job::toString);

        proxbox.clearFaults();
        AdminClient.Answer restarted = api.call("POST", "api/sync/jobs/" + job.getInt("id") + "/restart", null);
        assertEquals(202, restarted.status(), () -> restarted.body().toString());
        JsonObject done = api.await(restarted.json().getInt("id"));

        assertEquals("COMPLETED", done.getString("status"), done::toString);
        assertEquals(List.of("flags", "merge"), AdminClient.stepNames(done));
        JsonObject again = done.getJsonArray("steps").getJsonObject(0);
        assertEquals(STEP_FIELDS, again.keySet(), again::toString);
        assertEquals(11 + 1, again.getInt("read"), "the 11 flags and the endpoint's end mark: " + again);
        assertEquals(11 + 1, again.getInt("written"), again::toString);
        assertEquals(0, again.getInt("skipped"), again::toString);
        assertTrue(again.getString("ended").compareTo(again.getString("started")) >= 0, again::toString);
        assertEquals(11, api.rows("flags", ENDPOINT).size());
    }
}
