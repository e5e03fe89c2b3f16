package org.cephsync.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The API's security on the real server: 401 without (valid) credentials, 403 for the wrong role, both as
 * problem details; health stays open; and no secret (proxbox-api key, NetBox token, passwords, password
 * hashes) ever shows up in the server's log or in any answer.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SecurityIT {

    private static final long RUN = System.currentTimeMillis() / 1000 % 100_000_000L * 10 + 5;
    private static final String ENDPOINT = "sec-" + RUN;
    private static final String NETBOX_TOKEN = "nbt_" + HexFormat.of().formatHex(random(20));

    private static ProxboxStandIn proxbox;

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive deployment() throws IOException {
        ServerLog.capture();
        SnapshotDir snapshot = new SnapshotDir(Files.createTempDirectory("ceph-sync-sec")).put(RUN, ENDPOINT, "pve8-reef-18.2.7", "healthy");
        proxbox = new ProxboxStandIn(snapshot.root(), TestDeployment.API_KEY).start();
        return TestDeployment.war(proxbox, "netbox.token=" + NETBOX_TOKEN);
    }

    @AfterAll
    static void stopStandIn() {
        if (proxbox != null) {
            proxbox.close();
        }
    }

    private AdminClient as(TestUsers.User user) throws Exception {
        return new AdminClient(base.toURI(), user);
    }

    @Test
    @Order(1)
    void withoutCredentialsEveryApiCallIs401ProblemDetails() throws Exception {
        AdminClient anonymous = as(null);
        for (String[] call : List.of(new String[] {"GET", "api/sync/jobs"}, new String[] {"GET", "api/plugins/ceph/osds/"},
                new String[] {"GET", "api/plugins/ceph/settings/"}, new String[] {"POST", "api/sync/jobs"},
                new String[] {"GET", "api/plugins/branching/branches/"}, new String[] {"GET", "api/whoami"},
                new String[] {"GET", "api"}, new String[] {"GET", "api//sync/jobs"}, new String[] {"DELETE", "api/test/faults"})) {
            AdminClient.Answer answer = anonymous.call(call[0], call[1], "POST".equals(call[0]) ? "{}" : null);
            assertProblem(401, answer, call[0] + " " + call[1]);
        }
        AdminClient.Answer wrong = as(new TestUsers.User(TestUsers.ADMIN.name(), "not-the-password", "")).call("GET", "api/sync/jobs", null);
        assertProblem(401, wrong, "wrong password");
        AdminClient.Answer unknown = as(new TestUsers.User("nobody-" + RUN, "whatever", "")).call("GET", "api/sync/jobs", null);
        assertProblem(401, unknown, "unknown user");
        AdminClient.Answer garbage = anonymous.call("GET", "api/sync/jobs", null, Map.of("Authorization", "Basic !!!not-base64"));
        assertProblem(401, garbage, "malformed Basic");
    }

    @Test
    @Order(2)
    void the401ChallengesScriptsButNotTheConsole() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> script = http.send(HttpRequest.newBuilder(base.toURI().resolve("api/sync/jobs")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(401, script.statusCode());
        assertTrue(script.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic realm=\"ceph-sync\""),
                script.headers().map()::toString);
        HttpResponse<String> console = http.send(HttpRequest.newBuilder(base.toURI().resolve("api/sync/jobs"))
                .header("X-Requested-With", "XMLHttpRequest").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, console.statusCode());
        assertTrue(console.headers().firstValue("WWW-Authenticate").isEmpty(), "no browser login dialog for the console");
    }

    @Test
    @Order(3)
    void aReaderReadsButCannotChangeAnything() throws Exception {
        AdminClient reader = as(TestUsers.READER);
        for (String path : List.of("api/sync/jobs", "api/plugins/ceph/osds/", "api/plugins/ceph/clusters/",
                "api/plugins/ceph/settings/", "api/plugins/proxbox/endpoints/proxmox/", "api/plugins/branching/branches/",
                "api/plugins/branching/changes/")) {
            AdminClient.Answer answer = reader.call("GET", path, null);
            assertEquals(200, answer.status(), () -> "reader GET " + path + ": " + answer.body());
        }
        JsonObject me = reader.get("api/whoami");
        assertEquals(TestUsers.READER.name(), me.getString("username"));
        assertEquals(List.of("ceph-sync-reader"), me.getJsonArray("roles").getValuesAs(jakarta.json.JsonString::getString));

        assertProblem(403, reader.call("POST", "api/sync/jobs", "{\"resources\":[\"flags\"]}"), "reader starts a sync");
        assertProblem(403, reader.call("POST", "api/sync/jobs/1/restart", null), "reader restarts");
        assertProblem(403, reader.call("POST", "api/sync/jobs/1/stop", null), "reader stops");
        assertProblem(403, reader.call("PATCH", "api/plugins/ceph/settings/", "{\"branching_enabled\":true}"), "reader changes settings");
        assertProblem(403, reader.call("PUT", "api/plugins/ceph/settings/1/", "{\"branching_enabled\":true}"), "reader replaces settings");
        assertProblem(403, reader.call("POST", "api/plugins/branching/branches/1/merge/", "{\"commit\":false}"), "reader merges");
        assertEquals(1, reader.get("api/plugins/ceph/settings/").getInt("count"), "nothing changed");
        assertFalse(reader.get("api/plugins/ceph/settings/").getJsonArray("results").getJsonObject(0).getBoolean("branching_enabled"));
    }

    @Test
    @Order(4)
    void aUserWithoutARoleIsKnownButMayDoNothing() throws Exception {
        AdminClient nobody = as(TestUsers.NO_ROLE);
        assertProblem(403, nobody.call("GET", "api/sync/jobs", null), "no role reads");
        assertProblem(403, nobody.call("POST", "api/sync/jobs", "{}"), "no role starts");
        JsonObject me = nobody.get("api/whoami");
        assertEquals(0, me.getJsonArray("roles").size());
    }

    @Test
    @Order(5)
    void anAdminDoesEverything() throws Exception {
        AdminClient admin = as(TestUsers.ADMIN);
        assertEquals(List.of("ceph-sync-reader", "ceph-sync-admin").size(), 2);
        JsonObject me = admin.get("api/whoami");
        assertEquals(List.of("ceph-sync-admin"), me.getJsonArray("roles").getValuesAs(jakarta.json.JsonString::getString));
        JsonObject job = admin.sync("{\"resources\":[\"full\"],\"endpoints\":[" + RUN + "]}");
        assertEquals("COMPLETED", job.getString("status"), job::toString);
        JsonObject settings = admin.settings("{\"branch_name_prefix\":\"sec-it\"}");
        assertEquals("sec-it", settings.getString("branch_name_prefix"));
        admin.settings("{\"branch_name_prefix\":\"ceph-sync\"}");
    }

    @Test
    @Order(5)
    void aBrowserOnAnotherSiteCannotStartStopOrRestartRunsWithCachedCredentials() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        URI jobs = base.toURI().resolve("api/sync/jobs");
        int runsBefore = as(TestUsers.ADMIN).get("api/sync/jobs?limit=100").getJsonArray("results").size();
        String authorization = TestUsers.ADMIN.basic();
        List<HttpRequest> forged = List.of(
                // a form on another page, posted with the credentials the browser has cached for this origin
                HttpRequest.newBuilder(jobs).header("Authorization", authorization)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("resources=full")).build(),
                HttpRequest.newBuilder(jobs).header("Authorization", authorization).header("Content-Type", "text/plain")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"resources\":[\"full\"]}")).build(),
                // a script on another site, as a modern browser marks it
                HttpRequest.newBuilder(jobs).header("Authorization", authorization).header("Content-Type", "application/json")
                        .header("Sec-Fetch-Site", "cross-site").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                // an older browser: only its Origin tells
                HttpRequest.newBuilder(base.toURI().resolve("api/sync/jobs/1/restart")).header("Authorization", authorization)
                        .header("Origin", "http://evil.example").POST(HttpRequest.BodyPublishers.noBody()).build());
        for (HttpRequest request : forged) {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            assertEquals(403, r.statusCode(), () -> request.headers().map() + ": " + r.body());
            assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"), r.body());
        }
        assertEquals(runsBefore, as(TestUsers.ADMIN).get("api/sync/jobs?limit=100").getJsonArray("results").size(), "no run started");

        // the console's own calls (same origin) and scripts (no browser headers) go through; answers are not cached
        HttpResponse<String> sameOrigin = http.send(HttpRequest.newBuilder(jobs).header("Authorization", authorization)
                .header("Content-Type", "application/json").header("Sec-Fetch-Site", "same-origin")
                .header("Origin", "http://" + base.getHost() + ":" + base.getPort())
                .POST(HttpRequest.BodyPublishers.ofString("{\"resources\":[\"bogus\"]}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(400, sameOrigin.statusCode(), sameOrigin::body);
        HttpResponse<String> read = http.send(HttpRequest.newBuilder(jobs).header("Authorization", authorization).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals("no-store", read.headers().firstValue("Cache-Control").orElse(""), read.headers().map()::toString);
    }

    @Test
    @Order(5)
    void theConsoleLoadsOnlyItsOwnFilesAndIsNeverFramed() throws Exception {
        // HTTP/1.1 as browsers speak it over plain HTTP: Open Liberty hangs on the h2c upgrade that Java's client
        // tries by default when the request is forwarded to the welcome file (README, known issues)
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        for (String path : List.of("", "index.html", "console/app.js")) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.toURI().resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), path);
            String policy = r.headers().firstValue("Content-Security-Policy").orElse("");
            assertAll(path,
                    () -> assertTrue(policy.contains("default-src 'self'") && policy.contains("frame-ancestors 'none'"), policy),
                    () -> assertEquals("DENY", r.headers().firstValue("X-Frame-Options").orElse("")),
                    () -> assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse("")));
        }
    }

    @Test
    @Order(5)
    void aFailureInsideTheServerAnswers500WithoutItsCause() throws Exception {
        AdminClient.Answer failed = as(TestUsers.ADMIN).call("GET", "api/test/faults/unexpected", null);
        assertProblem(500, failed, "an unexpected failure");
        String body = failed.body().toString();
        for (String internal : List.of("IllegalStateException", "SELECT", "ceph_osd", "relation")) {
            assertFalse(body.contains(internal), () -> "the answer tells " + internal + ": " + body);
        }
        String reference = failed.json().getString("detail").replaceAll(".*reference ", "");
        assertTrue(ServerLog.text().contains("reference " + reference), "the log has the cause under " + reference);
    }

    @Test
    @Order(6)
    void healthStaysOpen() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (String path : List.of("/health/live", "/health/ready")) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.toURI().resolve(path)).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), path + ": " + r.body());
            AdminClient.TRANSCRIPT.add("GET " + path + " -> " + r.statusCode() + " " + r.headers().map() + "\n" + r.body());
        }
    }

    @Test
    @Order(7)
    void noSecretIsEverLoggedOrReturned() throws Exception {
        AdminClient admin = as(TestUsers.ADMIN);
        // a failing source: the key is refused, which the stage and the log explain without quoting the key
        proxbox.apiKey("another-key-than-the-configured-one");
        try {
            JsonObject refused = admin.sync("{\"resources\":[\"osds\"],\"endpoints\":[" + RUN + "]}");
            assertEquals("FAILED", refused.getString("status"));
        } finally {
            proxbox.apiKey(TestDeployment.API_KEY);
        }
        // every kind of answer the API gives, plus the server's own endpoints
        for (String path : List.of("api/sync/jobs?limit=100", "api/plugins/ceph/settings/", "api/plugins/proxbox/endpoints/proxmox/",
                "api/plugins/branching/branches/", "api/plugins/branching/changes/", "api/whoami",
                "api/plugins/ceph/clusters/", "api/plugins/ceph/osds/", "api/plugins/ceph/daemons/", "api/plugins/ceph/pools/",
                "api/plugins/ceph/filesystems/", "api/plugins/ceph/crush-rules/", "api/plugins/ceph/flags/",
                "api/plugins/ceph/health-checks/")) {
            admin.call("GET", path, null);
        }
        // served by the server at its root, outside the application (and outside its security)
        HttpClient http = HttpClient.newHttpClient();
        for (String[] call : List.of(new String[] {"/openapi", "*/*"}, new String[] {"/openapi?format=JSON", "application/json"},
                new String[] {"/metrics", "text/plain"}, new String[] {"/health", "application/json"}, new String[] {"/health/ready", "application/json"})) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.toURI().resolve(call[0])).header("Accept", call[1])
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), () -> call[0] + ": " + r.body());
            AdminClient.TRANSCRIPT.add("GET " + call[0] + " -> " + r.statusCode() + " " + r.headers().map() + "\n" + r.body());
        }
        admin.call("POST", "api/sync/jobs", "{\"resources\":[\"bogus\"]}");
        admin.call("PATCH", "api/plugins/ceph/settings/", "{\"sync_interval_minutes\":\"soon\"}");

        String log = ServerLog.text();
        assertTrue(log.contains("ceph-sync users: "), "the capture holds the server's log (its users line, at least)");
        List<String> transcript = new ArrayList<>(AdminClient.TRANSCRIPT);
        assertTrue(transcript.size() > 40, "answers recorded: " + transcript.size());

        List<String> secrets = new ArrayList<>(List.of(TestDeployment.API_KEY, NETBOX_TOKEN));
        for (TestUsers.User user : TestUsers.all()) {
            secrets.add(user.password());
        }
        for (String line : TestUsers.config()) {
            for (String entry : line.split("\n")) {
                if (entry.contains(".password-hash=")) {
                    String hash = entry.substring(entry.indexOf('=') + 1);
                    secrets.add(hash);
                    secrets.add(hash.substring(hash.lastIndexOf(':') + 1));
                }
            }
        }
        assertAll(secrets.stream().map(secret -> () -> {
            assertFalse(log.contains(secret), "the server log contains a secret (" + secret.substring(0, 4) + "...)");
            for (String answer : transcript) {
                assertFalse(answer.contains(secret), "an answer contains a secret (" + secret.substring(0, 4) + "...): "
                        + answer.substring(0, Math.min(200, answer.length())));
            }
        }));
    }

    /** Last: its failed logins would slow down the other tests' first logins from this address. */
    @Test
    @Order(8)
    void passwordGuessingIsThrottledButTheRealUserKeepsWorking() throws Exception {
        AdminClient admin = as(TestUsers.ADMIN);
        assertEquals(200, admin.call("GET", "api/whoami", null).status(), "the admin has logged in");
        AdminClient guesser = as(new TestUsers.User(TestUsers.ADMIN.name(), "guess-" + RUN, ""));

        // an unknown name costs what a wrong password for a known one costs (one PBKDF2 check each)
        long unknown = Long.MAX_VALUE;
        long known = Long.MAX_VALUE;
        for (int i = 0; i < 2; i++) {
            long start = System.nanoTime();
            assertProblem(401, as(new TestUsers.User("nobody-" + RUN + "-" + i, "whatever", "")).call("GET", "api/whoami", null), "unknown user");
            unknown = Math.min(unknown, System.nanoTime() - start);
            start = System.nanoTime();
            assertProblem(401, guesser.call("GET", "api/whoami", null), "wrong password");
            known = Math.min(known, System.nanoTime() - start);
        }
        long knownNanos = known;
        long unknownNanos = unknown;
        assertTrue(unknownNanos * 3 >= knownNanos, () -> "an unknown user is answered in " + unknownNanos / 1_000_000
                + " ms, a wrong password in " + knownNanos / 1_000_000 + " ms: the difference tells which names exist");

        // more guesses at the name: within a few, refused without a check, with a time to come back
        AdminClient.Answer refused = null;
        for (int i = 0; i < 5 && refused == null; i++) {
            AdminClient.Answer answer = guesser.call("GET", "api/whoami", null);
            if (answer.status() == 429) {
                refused = answer;
            } else {
                assertProblem(401, answer, "wrong password " + i);
            }
        }
        assertTrue(refused != null, "no 429 after " + (2 + 5) + " wrong passwords for one user");
        assertProblem(429, refused, "guessing throttled");

        // the real user, verified a moment ago, is neither logged out by the guesses nor throttled
        assertEquals(200, admin.call("GET", "api/whoami", null).status());
    }

    private static void assertProblem(int status, AdminClient.Answer answer, String what) {
        assertEquals(status, answer.status(), () -> what + ": " + answer.body());
        assertTrue(answer.contentType().startsWith("application/problem+json"), () -> what + ": " + answer.contentType());
        JsonObject problem = answer.json();
        assertAll(what,
                () -> assertEquals(status, problem.getInt("status")),
                () -> assertFalse(problem.getString("title").isBlank()),
                () -> assertFalse(problem.getString("detail").isBlank()),
                () -> assertEquals("about:blank", problem.getString("type")));
    }

    private static byte[] random(int n) {
        byte[] b = new byte[n];
        new SecureRandom().nextBytes(b);
        return b;
    }
}
