package org.cephsync.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * What the platform scrapes and probes: MicroProfile Health (live, ready: database and source), OpenAPI at
 * /openapi, metrics at /metrics (runs by outcome, items written, source latency and errors, schedule ticks),
 * and the schedule itself: syncs start at the interval the settings say, never two at once (a tick meeting a
 * running run is skipped, logged and counted), and a change of the setting applies without a restart.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OperationsIT {

    private static final long RUN = System.currentTimeMillis() / 1000 % 100_000_000L * 10 + 3;
    private static final String ENDPOINT = "ops-" + RUN;
    /** One "minute" of sync_interval_minutes lasts this many seconds in this deployment. */
    private static final int SECONDS_PER_MINUTE = 2;
    private static final Set<String> ACTIVE = Set.of("STARTING", "STARTED", "STOPPING");

    private static ProxboxStandIn proxbox;

    @ArquillianResource
    private URL base;

    private AdminClient api;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Deployment(testable = false)
    static WebArchive deployment() throws IOException {
        ServerLog.capture();
        SnapshotDir snapshot = new SnapshotDir(Files.createTempDirectory("ceph-sync-ops")).put(RUN, ENDPOINT, "pve8-reef-18.2.7", "healthy");
        proxbox = new ProxboxStandIn(snapshot.root(), TestDeployment.API_KEY).start();
        return TestDeployment.war(proxbox, "ceph-sync.schedule.seconds-per-minute=" + SECONDS_PER_MINUTE,
                "ceph-sync.health.source-check-seconds=1", "ceph-sync.health.source-timeout-seconds=5");
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
        proxbox.apiKey(TestDeployment.API_KEY);
    }

    private HttpResponse<String> server(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(base.toURI().resolve(path)).timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    @Order(1)
    void healthSaysLiveAndReadyWithoutCredentials() throws Exception {
        HttpResponse<String> live = server("/health/live");
        assertEquals(200, live.statusCode(), live.body());
        assertEquals("UP", AdminClient.parse(live.body()).asJsonObject().getString("status"));
        assertTrue(live.body().contains("ceph-sync"), live.body());

        HttpResponse<String> ready = awaitReady(200);
        JsonObject body = AdminClient.parse(ready.body()).asJsonObject();
        assertEquals("UP", body.getString("status"));
        JsonObject source = check(body, "source");
        assertEquals("UP", source.getString("status"));
        assertEquals("proxbox", source.getJsonObject("data").getString("source"));
        assertTrue(Integer.parseInt(source.getJsonObject("data").get("endpoints").toString().replace("\"", "")) >= 1, source::toString);
        assertEquals("UP", check(body, "database").getString("status"));
    }

    /**
     * The schema comes from the migrations, applied before the other startup work, and a start logs no error
     * and no stack trace (EclipseLink's table generation used to log several on every start).
     */
    @Test
    @Order(1)
    void aStartMigratesTheSchemaAndLogsNoStackTrace() {
        String log = ServerLog.text();
        int startupEnds = log.indexOf("ceph-sync users:");
        assertTrue(startupEnds > 0, "the deployment's start is in the log");
        String startup = log.substring(0, startupEnds);
        assertTrue(startup.contains("ceph-sync schema: database "), "the start says which schema version it runs on");
        // Payara logs errors as SEVERE, Liberty's console as [ERROR   ]
        List<String> errors = startup.lines().filter(line -> line.contains("Exception") || line.contains("SEVERE")
                || line.contains("[ERROR") || line.matches("\\s+at \\S+\\(.*\\)")).toList();
        assertEquals(List.of(), errors, "errors and stack trace lines at start");
    }

    @Test
    @Order(2)
    void notReadyWhileTheSourceDoesNotAnswerItsEndpointList() throws Exception {
        proxbox.fault(ProxboxStandIn.ENDPOINTS_PATH, ProxboxStandIn.Fault.status(503));
        HttpResponse<String> down = awaitReady(503);
        JsonObject source = check(AdminClient.parse(down.body()).asJsonObject(), "source");
        assertEquals("DOWN", source.getString("status"));
        // anyone may ask: the answer names neither the source's address nor what it said; the log has both
        String address = proxbox.baseUri().getHost() + ":" + proxbox.baseUri().getPort();
        assertFalse(down.body().contains("503") || down.body().contains(address), down::body);
        awaitLog("readiness: DOWN", "503");
        assertEquals(200, server("/health/live").statusCode(), "not ready is not dead");

        proxbox.clearFaults().apiKey("a-key-proxbox-does-not-know");
        awaitLog("readiness: DOWN", "401");
        HttpResponse<String> refused = server("/health/ready");
        assertEquals(503, refused.statusCode(), refused.body());
        assertFalse(refused.body().contains("401") || refused.body().contains(address), refused::body);
        assertFalse(refused.body().contains(TestDeployment.API_KEY), "the key is not shown");

        proxbox.apiKey(TestDeployment.API_KEY);
        awaitReady(200);
    }

    /** Waits until the server log has a line with both texts (the readiness check logs each new reason once). */
    private static void awaitLog(String text, String reason) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        while (ServerLog.text().lines().noneMatch(line -> line.contains(text) && line.contains(reason))) {
            if (Instant.now().isAfter(deadline)) {
                fail("the server log has no line with \"" + text + "\" and \"" + reason + "\" after 30 s");
            }
            Thread.sleep(250);
        }
    }

    /** Readiness follows the source within a few of its 1 s checks. */
    private HttpResponse<String> awaitReady(int status) throws Exception {
        Instant deadline = Instant.now().plusSeconds(30);
        HttpResponse<String> r;
        while ((r = server("/health/ready")).statusCode() != status) {
            if (Instant.now().isAfter(deadline)) {
                fail("/health/ready did not answer " + status + " in 30 s: " + r.statusCode() + " " + r.body());
            }
            Thread.sleep(250);
        }
        return r;
    }

    @Test
    @Order(3)
    void openApiDescribesEveryCallWithItsSchemas() throws Exception {
        HttpResponse<String> doc = server("/openapi");
        assertEquals(200, doc.statusCode());
        JsonObject openapi = AdminClient.parse(doc.body()).asJsonObject();
        JsonObject paths = openapi.getJsonObject("paths");
        for (String path : List.of("/api/sync/jobs", "/api/sync/jobs/{id}", "/api/sync/jobs/{id}/restart", "/api/sync/jobs/{id}/stop",
                "/api/plugins/ceph/clusters/", "/api/plugins/ceph/osds/{id}/", "/api/plugins/ceph/health-checks/", "/api/plugins/ceph/settings/",
                "/api/plugins/proxbox/endpoints/proxmox/", "/api/plugins/branching/branches/", "/api/plugins/branching/branches/{id}/merge/",
                "/api/plugins/branching/changes/", "/api/whoami", "/api/sync/resources", "/api/users/tokens/provision/",
                "/api/users/tokens/", "/api/users/tokens/{id}/")) {
            assertTrue(paths.containsKey(path), "/openapi describes " + path);
        }
        assertFalse(paths.containsKey("/api/test/faults"), "only the static description: no scanned (test-only) resource");

        AdminClient.Answer resources = api.call("GET", "/api/sync/resources", null);
        assertEquals(200, resources.status(), resources::toString);
        List<JsonObject> listed = resources.body().asJsonArray().getValuesAs(JsonObject.class);
        assertEquals(CephResource.wireNames(), listed.stream().map(r -> r.getString("name")).toList(), "the resources in job order");
        assertEquals(List.of("/cluster/status", "/nodes/{node}/ceph/osd", "/cluster/ceph/metadata"),
                listed.get(2).getJsonArray("paths").getValuesAs(JsonString.class).stream().map(JsonString::getString).toList());
        assertEquals(List.of("clusters", "health-checks"), listed.get(0).getJsonArray("models").getValuesAs(JsonString.class)
                .stream().map(JsonString::getString).toList());
        JsonObject schemas = openapi.getJsonObject("components").getJsonObject("schemas");
        for (String schema : List.of("Job", "Stage", "CephOsd", "CephPool", "Settings", "Branch", "Change", "Problem", "ApiToken")) {
            assertTrue(schemas.containsKey(schema), "schema " + schema);
        }
        assertEquals("#/components/schemas/Job", paths.getJsonObject("/api/sync/jobs/{id}").getJsonObject("get").getJsonObject("responses")
                .getJsonObject("200").getJsonObject("content").getJsonObject("application/json").getJsonObject("schema").getString("$ref"));
    }

    @Test
    @Order(5)
    void metricsCountRunsItemsAndSourceRequests() throws Exception {
        double completedBefore = metric("ceph_sync_runs_total", "outcome=\"completed\"");
        double failedBefore = metric("ceph_sync_runs_total", "outcome=\"failed\"");
        double itemsBefore = metric("ceph_sync_items_written_total", "resource=\"osds\"");
        double errorsBefore = metric("ceph_sync_source_errors_total", "source=\"proxbox\"");

        JsonObject ok = api.sync("{\"endpoints\":[" + RUN + "]}");
        assertEquals("COMPLETED", ok.getString("status"), ok::toString);
        proxbox.fault(ProxboxStandIn.pve("/nodes/pve1/ceph/pool"), ProxboxStandIn.Fault.status(500));
        JsonObject failed = api.sync("{\"resources\":[\"pools\"],\"endpoints\":[" + RUN + "]}");
        assertEquals("FAILED", failed.getString("status"), failed::toString);

        awaitMetric("ceph_sync_runs_total", "outcome=\"completed\"", completedBefore + 1);
        awaitMetric("ceph_sync_runs_total", "outcome=\"failed\"", failedBefore + 1);
        assertEquals(itemsBefore + 4, metric("ceph_sync_items_written_total", "resource=\"osds\""), "4 OSDs written");
        assertTrue(metric("ceph_sync_source_errors_total", "source=\"proxbox\"") >= errorsBefore + 4, "a 500 and its 3 retries");
        String timers = metricLines("ceph_sync_source_request");
        assertTrue(timers.contains("source=\"proxbox\"") && timers.contains("operation=\"read\""), "source latency is measured: " + timers);
    }

    @Test
    @Order(6)
    void theScheduleStartsSyncsNeverTwoAtOnceAndFollowsTheSetting() throws Exception {
        // each run now takes several seconds (7 stages, each waiting on its first request), longer than a tick
        proxbox.faultEveryStep(ProxboxStandIn.Fault.delay(Duration.ofMillis(700)));
        long runsBefore = api.get("api/sync/jobs?limit=1").getInt("count");
        long lastBefore = latestExecutionId();
        double skippedBefore = metric("ceph_sync_schedule_ticks_total", "result=\"skipped\"");
        double startedBefore = metric("ceph_sync_schedule_ticks_total", "result=\"started\"");

        assertEquals(1, api.settings("{\"sync_interval_minutes\": 1}").getInt("sync_interval_minutes"));
        Instant deadline = Instant.now().plusSeconds(60);
        while (metric("ceph_sync_schedule_ticks_total", "result=\"skipped\"") < skippedBefore + 1
                || metric("ceph_sync_schedule_ticks_total", "result=\"started\"") < startedBefore + 2) {
            assertAtMostOneRunning();
            if (Instant.now().isAfter(deadline)) {
                fail("the schedule did not start two syncs and skip a tick in 60 s");
            }
            Thread.sleep(300);
        }
        assertTrue(api.get("api/sync/jobs?limit=1").getInt("count") >= runsBefore + 2, "the schedule started runs");
        assertTrue(ServerLog.text().contains("tick skipped"), "a skipped tick is logged");

        assertEquals(JsonValue.NULL, api.settings("{\"sync_interval_minutes\": null}").get("sync_interval_minutes"));
        proxbox.clearFaults();
        awaitNoRunRunning();
        assertEveryRunSinceCompleted(lastBefore);
        long after = api.get("api/sync/jobs?limit=1").getInt("count");
        Thread.sleep(SECONDS_PER_MINUTE * 3 * 1000L);
        assertEquals(after, api.get("api/sync/jobs?limit=1").getInt("count"), "no schedule: no new run");
        assertTrue(ServerLog.text().contains("ceph-sync schedule: off"));
    }

    /**
     * What an operator's setup does all day, at once: the schedule runs syncs while the settings API changes
     * it, the console polls the jobs, inventory, settings and branches, and someone starts syncs by hand (409
     * while one runs). Every run that starts, scheduled or not, ends COMPLETED, and the batch runtime never
     * refuses a transaction ("Operation not allowed" was Payara's shared @Transactional interceptor state).
     */
    @Test
    @Order(7)
    void underConcurrentRequestsAndScheduleChangesEveryRunCompletes() throws Exception {
        proxbox.faultEveryStep(ProxboxStandIn.Fault.delay(Duration.ofMillis(150)));
        long lastBefore = latestExecutionId();
        double startedBefore = metric("ceph_sync_schedule_ticks_total", "result=\"started\"");
        String logBefore = ServerLog.text();
        List<String> problems = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        java.util.concurrent.atomic.AtomicInteger manualStarts = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<?>> workers = new java.util.ArrayList<>();
            for (int i = 0; i < 3; i++) {
                workers.add(pool.submit(() -> {
                    AdminClient console = new AdminClient(api.base(), TestUsers.READER);
                    while (!done.get()) {
                        for (String path : List.of("api/sync/jobs?limit=20", "api/plugins/ceph/osds/?endpoint=" + RUN,
                                "api/plugins/ceph/settings/", "api/plugins/branching/branches/", "api/plugins/ceph/clusters/")) {
                            AdminClient.Answer answer = console.call("GET", path, null);
                            if (answer.status() != 200) {
                                problems.add("GET " + path + " -> " + answer.status() + " " + answer.body());
                            }
                        }
                    }
                }));
            }
            workers.add(pool.submit(() -> {
                int minutes = 1;
                Instant nextChange = Instant.now();
                Instant nextStart = Instant.now().plusSeconds(1);
                while (!done.get()) {
                    if (Instant.now().isAfter(nextChange)) {
                        AdminClient.Answer patched = api.call("PATCH", "api/plugins/ceph/settings/", "{\"sync_interval_minutes\": " + minutes + "}");
                        if (patched.status() != 200) {
                            problems.add("PATCH settings -> " + patched.status() + " " + patched.body());
                        }
                        minutes = 3 - minutes;
                        nextChange = Instant.now().plusSeconds(5);
                    }
                    if (Instant.now().isAfter(nextStart)) {
                        AdminClient.Answer started = api.call("POST", "api/sync/jobs", "{\"endpoints\":[" + RUN + "]}");
                        if (started.status() == 202) {
                            manualStarts.incrementAndGet();
                        } else if (started.status() != 409) {
                            problems.add("POST sync -> " + started.status() + " " + started.body());
                        }
                        // now and then only: a manual run that is running makes the schedule skip its tick
                        nextStart = Instant.now().plusSeconds(6);
                    }
                    sleepQuietly(200);
                }
            }));
            // at least 20 s of it, and until the schedule has started two runs of its own
            Instant least = Instant.now().plusSeconds(20);
            Instant most = Instant.now().plusSeconds(120);
            while (Instant.now().isBefore(most) && (Instant.now().isBefore(least)
                    || metric("ceph_sync_schedule_ticks_total", "result=\"started\"") < startedBefore + 2)) {
                Thread.sleep(500);
            }
            done.set(true);
            for (java.util.concurrent.Future<?> worker : workers) {
                worker.get(120, java.util.concurrent.TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
            api.settings("{\"sync_interval_minutes\": null}");
            proxbox.clearFaults();
        }
        awaitNoRunRunning();

        assertEquals(List.of(), problems, "every request was answered");
        assertTrue(metric("ceph_sync_schedule_ticks_total", "result=\"started\"") >= startedBefore + 2, "the schedule started runs");
        assertTrue(manualStarts.get() >= 1, "a manual start found no run running at least once");
        assertEveryRunSinceCompleted(lastBefore);
        String log = ServerLog.text().substring(logBefore.length());
        assertFalse(log.contains("Operation not allowed"), "the batch runtime began and ended every transaction");
    }

    // ------------------------------------------------------------------------------------------- helpers

    private long latestExecutionId() {
        jakarta.json.JsonArray latest = api.get("api/sync/jobs?limit=1").getJsonArray("results");
        return latest.isEmpty() ? 0 : latest.getJsonObject(0).getJsonNumber("id").longValue();
    }

    /** Every run whose latest execution is newer than {@code executionId} ended COMPLETED. */
    private void assertEveryRunSinceCompleted(long executionId) {
        List<JsonObject> runs = api.get("api/sync/jobs?limit=200").getJsonArray("results").stream().map(JsonValue::asJsonObject)
                .filter(j -> j.getJsonNumber("id").longValue() > executionId).toList();
        assertFalse(runs.isEmpty(), "runs were started");
        for (JsonObject run : runs) {
            assertEquals("COMPLETED", run.getString("status"), () -> "run " + run.getInt("instance_id") + ": " + run);
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void assertAtMostOneRunning() {
        long running = api.get("api/sync/jobs?limit=20").getJsonArray("results").stream()
                .filter(j -> ACTIVE.contains(j.asJsonObject().getString("status"))).count();
        assertTrue(running <= 1, running + " ceph-sync runs at once");
    }

    private void awaitNoRunRunning() throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(120);
        while (api.get("api/sync/jobs?limit=20").getJsonArray("results").stream()
                .anyMatch(j -> ACTIVE.contains(j.asJsonObject().getString("status")))) {
            if (Instant.now().isAfter(deadline)) {
                fail("a run is still running after 120 s");
            }
            Thread.sleep(250);
        }
    }

    private static JsonObject check(JsonObject health, String name) {
        return health.getJsonArray("checks").stream().map(JsonValue::asJsonObject).filter(c -> c.getString("name").equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no check " + name + " in " + health));
    }

    private void awaitMetric(String name, String label, double atLeast) throws Exception {
        Instant deadline = Instant.now().plusSeconds(30);
        double value;
        while ((value = metric(name, label)) < atLeast) {
            if (Instant.now().isAfter(deadline)) {
                fail(name + "{" + label + "} is " + value + ", expected at least " + atLeast);
            }
            Thread.sleep(250);
        }
    }

    /** Every sample line of /metrics whose name starts with {@code prefix}. */
    private String metricLines(String prefix) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.toURI().resolve("/metrics?scope=application"))
                .header("Accept", "text/plain").timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        return r.body().lines().filter(l -> l.startsWith(prefix)).collect(java.util.stream.Collectors.joining("\n"));
    }

    /** The sum of a metric's samples whose labels contain {@code label}, from /metrics in Prometheus text; 0 when absent. */
    private double metric(String name, String label) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.toURI().resolve("/metrics?scope=application"))
                .header("Accept", "text/plain").timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        double sum = 0;
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "\\{([^}]*)\\}\\s+(\\S+)").matcher(r.body());
        while (m.find()) {
            if (m.group(1).contains(label)) {
                sum += Double.parseDouble(m.group(2));
            }
        }
        return sum;
    }
}
