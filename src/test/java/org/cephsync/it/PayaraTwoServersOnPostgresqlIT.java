package org.cephsync.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Two Payara Micro servers on one PostgreSQL database (profile postgresql; the database comes from the
 * environment, as in production), each its own process with its own rootdir and name, reading one
 * proxbox-api stand-in:
 * <ul>
 *   <li>a run started on one is listed on the other, and a failed run is restarted from the other;</li>
 *   <li>one run at a time across both: a start on one while the other runs is a 409 naming the running job;</li>
 *   <li>crash recovery marks only the runs of the server that died: a server killed and started again while
 *       the other runs leaves that run alone (it completes); a server killed in the middle of its own run marks
 *       that run FAILED when it starts again, and the other server restarts it;</li>
 *   <li>the schedule starts each interval's run once: both servers tick (the second learns the setting from
 *       the database), one starts the run, the other counts its tick as taken elsewhere.</li>
 * </ul>
 */
class PayaraTwoServersOnPostgresqlIT {

    private static final long RUN = System.currentTimeMillis() / 1000 % 100_000_000L * 10 + 7;
    private static final String ENDPOINT = "two-servers-" + RUN;
    private static final String API_KEY = "two-servers-it-proxbox-key";
    private static final String FULL = "{\"resources\": [\"full\"]}";
    /** One "minute" of sync_interval_minutes lasts this many seconds on both servers. */
    private static final int SECONDS_PER_MINUTE = 4;
    private static final String POOLS = ProxboxStandIn.pve("/nodes/pve1/ceph/pool");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void twoServersShareRunsRecoverOnlyTheirOwnAndScheduleEachRunOnce() throws Exception {
        Path work = PayaraMicroProcess.freshWorkDir("two-servers-it");
        SnapshotDir snapshot = new SnapshotDir(Files.createDirectories(work.resolve("snapshot")))
                .put(RUN, ENDPOINT, "pve8-reef-18.2.7", "healthy");
        try (ProxboxStandIn proxbox = new ProxboxStandIn(snapshot.root(), API_KEY).start();
                PayaraMicroProcess a = server(work.resolve("a"), "server-a", proxbox);
                PayaraMicroProcess b = server(work.resolve("b"), "server-b", proxbox)) {
            a.start();
            b.start();

            // a run started on A is listed on B with its outcome
            long first = start(a);
            assertEquals("COMPLETED", b.api().await(first).getString("status"));

            // a run that failed on B is restarted from A
            proxbox.fault(POOLS, ProxboxStandIn.Fault.status(500));
            long failed = start(b);
            assertEquals("FAILED", b.api().await(failed).getString("status"));
            proxbox.clearFaults();
            long restarted = restart(a, failed);
            assertEquals("COMPLETED", b.api().await(restarted).getString("status"));

            // one run at a time across both servers
            proxbox.fault(POOLS, ProxboxStandIn.Fault.delay(Duration.ofSeconds(40)));
            long slow = start(a);
            awaitStatus(b, slow, "STARTED");
            AdminClient.Answer refused = b.api().call("POST", "api/sync/jobs", FULL);
            assertEquals(409, refused.status(), () -> refused.body().toString());
            assertTrue(refused.body().toString().contains(String.valueOf(slow)), () -> "names the running job: " + refused.body());

            // B killed and started again while A runs: B's recovery leaves A's run alone, and it completes
            b.kill9();
            b.start();
            assertEquals("STARTED", a.api().get("api/sync/jobs/" + slow).getString("status"), "A's run is still running");
            assertTrue(b.logs().contains("on server server-a: left to that server"), "B says whose run it left alone");
            proxbox.clearFaults();
            assertEquals("COMPLETED", a.api().await(slow).getString("status"));

            // A killed in the middle of its own run: A marks it FAILED when it starts again, B restarts it
            proxbox.fault(POOLS, ProxboxStandIn.Fault.delay(Duration.ofSeconds(40)));
            long interrupted = start(a);
            awaitStatus(a, interrupted, "STARTED");
            a.kill9();
            assertEquals("STARTED", b.api().get("api/sync/jobs/" + interrupted).getString("status"),
                    "B does not take A's run for dead");
            proxbox.clearFaults();
            a.start();
            assertEquals("FAILED", b.api().get("api/sync/jobs/" + interrupted).getString("status"), "A recovered its run");
            assertEquals("COMPLETED", a.api().await(restart(b, interrupted)).getString("status"));

            scheduleStartsEachRunOnce(a, b);
        }
    }

    private void scheduleStartsEachRunOnce(PayaraMicroProcess a, PayaraMicroProcess b) throws Exception {
        double elsewhereBefore = metric(a, "elsewhere") + metric(b, "elsewhere");
        double startedBefore = metric(a, "started") + metric(b, "started");
        a.api().settings("{\"sync_interval_minutes\": 1}");
        // B reads the setting from the database within a "minute"
        awaitLog(b, "a full sync every 1 minute(s)");
        Instant from = Instant.now();
        Thread.sleep(Duration.ofSeconds(SECONDS_PER_MINUTE * 6L).toMillis());
        a.api().settings("{\"sync_interval_minutes\": null}");
        double seconds = Duration.between(from, Instant.now()).toMillis() / 1000.0;
        awaitLog(b, "ceph-sync schedule: off");

        double started = metric(a, "started") + metric(b, "started") - startedBefore;
        double elsewhere = metric(a, "elsewhere") + metric(b, "elsewhere") - elsewhereBefore;
        double intervals = seconds / SECONDS_PER_MINUTE;
        assertTrue(started >= 3, "scheduled runs started: " + started + " in " + intervals + " intervals");
        assertTrue(started <= intervals + 2, "one run per interval, not one per server: " + started + " in " + intervals + " intervals");
        assertTrue(elsewhere >= 2, "the other server's ticks were taken elsewhere: " + elsewhere);
        for (long id : scheduledRuns(a, b)) {
            assertEquals("COMPLETED", a.api().await(id).getString("status"), "scheduled run " + id);
        }
    }

    /** The jobs both servers' schedules say they started. */
    private static Set<Long> scheduledRuns(PayaraMicroProcess... servers) throws IOException {
        Set<Long> ids = new TreeSet<>();
        for (PayaraMicroProcess server : servers) {
            Matcher m = Pattern.compile("ceph-sync schedule: started full sync, job (\\d+)").matcher(server.logs());
            while (m.find()) {
                ids.add(Long.parseLong(m.group(1)));
            }
        }
        assertTrue(ids.size() >= 3, "the logs name the scheduled runs: " + ids);
        return ids;
    }

    private static PayaraMicroProcess server(Path work, String name, ProxboxStandIn proxbox) throws IOException {
        Files.createDirectories(work);
        return new PayaraMicroProcess(work, List.of("proxbox.url=" + proxbox.baseUri(), "proxbox.api-key=" + API_KEY,
                "proxbox.read-timeout-seconds=60", "ceph-sync.endpoints=" + ENDPOINT, "ceph-sync.server-name=" + name,
                "ceph-sync.schedule.seconds-per-minute=" + SECONDS_PER_MINUTE));
    }

    private static long start(PayaraMicroProcess server) {
        AdminClient.Answer started = server.api().call("POST", "api/sync/jobs", FULL);
        assertEquals(202, started.status(), () -> "start: " + started.body());
        return started.json().getJsonNumber("id").longValue();
    }

    private static long restart(PayaraMicroProcess server, long executionId) {
        AdminClient.Answer restarted = server.api().call("POST", "api/sync/jobs/" + executionId + "/restart", null);
        assertEquals(202, restarted.status(), () -> "restart: " + restarted.body());
        return restarted.json().getJsonNumber("id").longValue();
    }

    private static void awaitStatus(PayaraMicroProcess server, long executionId, String status) {
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            JsonObject job = server.api().get("api/sync/jobs/" + executionId);
            if (status.equals(job.getString("status"))) {
                return;
            }
            PayaraMicroProcess.sleep(200);
        }
        fail("job " + executionId + " did not reach " + status + " in 60 s");
    }

    private static void awaitLog(PayaraMicroProcess server, String text) throws IOException {
        Instant deadline = Instant.now().plusSeconds(60);
        while (!server.logs().contains(text)) {
            if (Instant.now().isAfter(deadline)) {
                fail("the server log has no \"" + text + "\" after 60 s; see " + server.log());
            }
            PayaraMicroProcess.sleep(250);
        }
    }

    /** ceph_sync_schedule_ticks_total{result=...} of one server, 0 when absent. */
    private double metric(PayaraMicroProcess server, String result) throws Exception {
        URI metrics = server.api().base().resolve("/metrics?scope=application");
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(metrics).header("Accept", "text/plain")
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        Matcher m = Pattern.compile("(?m)^ceph_sync_schedule_ticks_total\\{([^}]*)\\}\\s+(\\S+)").matcher(r.body());
        double sum = 0;
        while (m.find()) {
            if (m.group(1).contains("result=\"" + result + "\"")) {
                sum += Double.parseDouble(m.group(2));
            }
        }
        return sum;
    }
}
