package org.cephsync.it;

import static org.cephsync.it.AdminClient.stage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.cephsync.resource.CephResource;
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
 * Open Liberty only (Maven profile "liberty"): the server's batch console, i.e. its batch REST API
 * (batchManagement-1.0) over HTTPS with a user in the batchAdmin role, restarts a failed ceph-sync run
 * exactly as our admin REST does: same execution numbering, the step resumed from its checkpoint, the
 * run's branch continued and merged once, and main ending with a clean run's inventory.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LibertyBatchConsoleIT {

    private static final String REEF = "pve8-reef-18.2.7";
    private static final long RUN = System.currentTimeMillis() / 1000 % 100_000_000L * 10;
    private static final long REFERENCE = RUN + 5;
    private static final long CONSOLE = RUN + 6;
    private static final int FLAGS = 11;
    private static final List<String> MODELS = List.of("clusters", "health-checks", "daemons", "osds", "pools",
            "filesystems", "crush-rules", "flags");
    /** What differs between two endpoints' copies of the same inventory without being content. */
    private static final Set<String> IDENTITY = Set.of("id", "url", "endpoint", "cluster", "metadata_pool",
            "created", "last_updated", "last_seen_at", "first_seen_at");
    private static final Set<String> STEP_FIELDS = Set.of("name", "status", "read", "written", "skipped", "rollbacks",
            "started", "ended");

    private static ProxboxStandIn proxbox;

    @ArquillianResource
    private URL base;

    private AdminClient api;
    private final Console console = new Console();

    @Deployment(testable = false)
    static WebArchive deployment() throws IOException {
        SnapshotDir snapshot = new SnapshotDir(Files.createTempDirectory("ceph-sync-console-it"));
        for (long id : List.of(REFERENCE, CONSOLE)) {
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
    void disarm() {
        api.call("DELETE", "api/test/faults", null);
        api.settings("{\"branching_enabled\": false}");
    }

    @Test
    @Order(1)
    void theConsoleAnswersOnlyOverHttpsAndOnlyToItsUsers() throws Exception {
        HttpResponse<String> plain = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + base.getPort() + "/ibm/api/batch/jobinstances")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertNotEquals(200, plain.statusCode(), "plain HTTP does not serve the batch console: " + plain.body());

        assertEquals(401, console.call("GET", "/ibm/api/batch/jobinstances", null, false).statusCode(),
                "no login, no console");
        HttpResponse<String> listed = console.call("GET", "/ibm/api/batch/jobinstances?jobName=ceph-sync", null, true);
        assertEquals(200, listed.statusCode(), listed::body);
    }

    @Test
    @Order(2)
    void aFailedRunRestartedFromTheConsoleResumesLikeOurRestartAndMergesItsBranchOnce() throws Exception {
        JsonObject reference = api.sync("{\"endpoints\":[" + REFERENCE + "]}");
        assertEquals("COMPLETED", reference.getString("status"), reference::toString);

        api.settings("{\"branching_enabled\": true}");
        assertEquals(204, api.call("POST", "api/test/faults?resource=flags&after=1", null).status());
        JsonObject failed = api.sync("{\"endpoints\":[" + CONSOLE + "]}");
        assertEquals("FAILED", failed.getString("status"), failed::toString);
        JsonObject branch = failed.getJsonObject("branch");
        assertEquals("ready", branch.getString("status"), "the branch stays open: " + branch);
        assertEquals(TestDeployment.CHUNK_SIZE, api.rows("flags", CONSOLE, branch.getString("schema_id")).size(),
                "the first chunk of flags was committed in the branch");
        long failedId = failed.getJsonNumber("id").longValue();
        long instanceId = failed.getJsonNumber("instance_id").longValue();

        // the console sees the same run under the same numbers
        JsonObject seen = console.json("GET", "/ibm/api/batch/jobexecutions/" + failedId);
        assertEquals("FAILED", seen.getString("batchStatus"), seen::toString);
        assertEquals(instanceId, seen.getJsonNumber("instanceId").longValue(), seen::toString);

        api.call("DELETE", "api/test/faults", null);
        api.settings("{\"branching_enabled\": false}");
        HttpResponse<String> restart = console.call("PUT",
                "/ibm/api/batch/jobexecutions/" + failedId + "?action=restart&reusePreviousParams=true", "{}", true);
        assertEquals(200, restart.statusCode(), restart::body);
        JsonObject restarted = AdminClient.parse(restart.body()).asJsonObject();
        assertEquals(instanceId, restarted.getJsonNumber("instanceId").longValue(), restarted::toString);

        long restartId = latestExecution(instanceId, failedId);
        JsonObject done = api.await(restartId);

        assertEquals("COMPLETED", done.getString("status"), done::toString);
        assertEquals(instanceId, done.getJsonNumber("instance_id").longValue());
        assertEquals(List.of("flags", "merge"), AdminClient.stepNames(done), "completed steps are not run again");
        JsonObject step = done.getJsonArray("steps").getJsonObject(0);
        assertEquals(STEP_FIELDS, step.keySet(), "per-step figures: " + step);
        assertEquals(FLAGS - TestDeployment.CHUNK_SIZE + 1, step.getInt("read"), "resumed after the committed chunk (the flags left and the end mark)");
        assertEquals(FLAGS - TestDeployment.CHUNK_SIZE + 1, step.getInt("written"), step::toString);
        assertEquals(FLAGS, stage(done, "flags").getJsonObject("response").getInt("created"));
        assertEquals(branch.getString("schema_id"), done.getJsonObject("branch").getString("schema_id"), "the same branch");
        assertEquals("merged", done.getJsonObject("branch").getString("status"));
        assertEquals(content(REFERENCE), content(CONSOLE), "main = a clean run's inventory");
        AdminClient.Answer again = api.call("POST", "api/plugins/branching/branches/" + branch.getInt("id") + "/merge/",
                "{\"commit\": true}");
        assertEquals(400, again.status(), "merged once, and only once: " + again.body());

        JsonObject consoleView = console.json("GET", "/ibm/api/batch/jobexecutions/" + restartId);
        assertEquals("COMPLETED", consoleView.getString("batchStatus"), consoleView::toString);
        HttpResponse<String> twice = console.call("PUT",
                "/ibm/api/batch/jobexecutions/" + restartId + "?action=restart&reusePreviousParams=true", "{}", true);
        assertNotEquals(200, twice.statusCode(), "a completed run is not restartable from the console either");

        JsonObject clean = api.sync("{\"endpoints\":[" + CONSOLE + "]}");
        assertEquals("COMPLETED", clean.getString("status"), clean::toString);
        for (String resource : CephResource.wireNames()) {
            JsonObject counts = stage(clean, resource).getJsonObject("response");
            assertEquals(counts.getInt("fetched"), counts.getInt("unchanged"), resource + ": " + counts);
        }
    }

    /** The newest execution of a run, once it is not the one we know. */
    private long latestExecution(long instanceId, long known) {
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            for (JsonValue job : api.get("api/sync/jobs?limit=20").getJsonArray("results")) {
                JsonObject j = job.asJsonObject();
                if (j.getJsonNumber("instance_id").longValue() == instanceId && j.getJsonNumber("id").longValue() != known) {
                    return j.getJsonNumber("id").longValue();
                }
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        return fail("no new execution of run " + instanceId + " appeared after the console's restart");
    }

    private Map<String, Map<String, JsonObject>> content(long endpoint) {
        Map<String, Map<String, JsonObject>> all = new HashMap<>();
        for (String model : MODELS) {
            Map<String, JsonObject> rows = new HashMap<>();
            api.rows(model, endpoint).forEach((name, row) -> {
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

    /**
     * Liberty's batch REST API on https://localhost:{liberty.https.port}, trusting exactly the server's own
     * certificate (its key.p12, password from the server.env that liberty:create wrote).
     */
    private static final class Console {

        private final HttpClient http;
        private final URI base;
        private final String login;

        Console() {
            String wlp = System.getProperty("liberty.wlpHome");
            String server = System.getProperty("liberty.serverName", "ceph-sync");
            Path serverDir = Path.of(wlp, "usr", "servers", server);
            try {
                String password = Files.readAllLines(serverDir.resolve("server.env")).stream()
                        .filter(l -> l.startsWith("keystore_password=")).findFirst()
                        .map(l -> l.substring("keystore_password=".length()).trim())
                        .orElseThrow(() -> new AssertionError("no keystore_password in " + serverDir.resolve("server.env")));
                KeyStore keys = KeyStore.getInstance("PKCS12");
                try (InputStream in = Files.newInputStream(serverDir.resolve("resources/security/key.p12"))) {
                    keys.load(in, password.toCharArray());
                }
                TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                trust.init(keys);
                SSLContext tls = SSLContext.getInstance("TLS");
                tls.init(null, trust.getTrustManagers(), null);
                http = HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(10)).build();
            } catch (IOException | java.security.GeneralSecurityException e) {
                throw new AssertionError("cannot read the Liberty server's TLS key under " + serverDir, e);
            }
            base = URI.create("https://localhost:" + System.getProperty("liberty.https.port"));
            login = "Basic " + Base64.getEncoder().encodeToString((System.getProperty("liberty.batch.admin.user") + ":"
                    + System.getProperty("liberty.batch.admin.password")).getBytes(StandardCharsets.UTF_8));
        }

        HttpResponse<String> call(String method, String path, String body, boolean authenticated) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60))
                    .header("Accept", "application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
            if (body != null) {
                request.header("Content-Type", "application/json");
            }
            if (authenticated) {
                request.header("Authorization", login);
            }
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }

        JsonObject json(String method, String path) throws Exception {
            HttpResponse<String> response = call(method, path, null, true);
            assertEquals(200, response.statusCode(), () -> method + " " + path + ": " + response.body());
            return AdminClient.parse(response.body()).asJsonObject();
        }
    }
}
