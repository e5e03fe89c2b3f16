package org.cephsync.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import org.cephsync.it.ProxboxStandIn.Fault;
import org.cephsync.it.ProxboxStandIn.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.cephsync.it.ProxboxStandIn.ENDPOINTS_PATH;
import static org.cephsync.it.ProxboxStandIn.pve;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProxboxStandInTest {

    private static final String KEY = "test-key-123";
    private static final String ENDPOINT = "lab-reef";
    private static final Path HEALTHY = ProxboxStandIn.fixture("pve8-reef-18.2.7", "healthy");
    private static final Path DEGRADED = ProxboxStandIn.fixture("pve8-reef-18.2.7", "degraded");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private ProxboxStandIn proxbox;

    @BeforeEach
    void start() throws IOException {
        proxbox = new ProxboxStandIn(HEALTHY, KEY).start();
    }

    @AfterEach
    void stop() {
        proxbox.close();
    }

    // ------------------------------------------------------------------------------------------ contract

    @Test
    void listensOnLoopbackOnly() {
        URI base = proxbox.baseUri();
        assertEquals("127.0.0.1", base.getHost());
        assertTrue(base.getPort() > 0);
        assertFalse(base.toString().endsWith("/"));
    }

    @Test
    void endpointsListsTheSnapshotEndpoints() throws Exception {
        HttpResponse<String> r = get(ENDPOINTS_PATH + "?offset=0&limit=100");
        assertEquals(200, r.statusCode());
        assertEquals("application/json", r.headers().firstValue("Content-Type").orElseThrow());
        JsonArray list = parse(r.body()).asJsonArray();
        assertEquals(1, list.size());
        JsonObject e = list.getJsonObject(0);
        assertEquals(ENDPOINT, e.getString("name"));
        assertEquals(2, e.getInt("id"));
        assertEquals(8006, e.getInt("port"));
    }

    @Test
    void endpointsArePaginatedAndLimitIsAtMost100(@TempDir Path dir) throws Exception {
        StringBuilder json = new StringBuilder("[");
        for (int i = 1; i <= 5; i++) {
            json.append(i > 1 ? "," : "").append("{\"id\":").append(i).append(",\"name\":\"ep").append(i)
                    .append("\",\"ip_address\":\"10.0.0.").append(i).append("\",\"domain\":null,\"port\":8006,")
                    .append("\"username\":\"root@pam\",\"verify_ssl\":false}");
        }
        Files.writeString(dir.resolve("endpoints.json"), json.append("]"));
        proxbox.serve(dir);

        assertEquals(List.of("ep3", "ep4"), names(get(ENDPOINTS_PATH + "?offset=2&limit=2")));
        assertEquals(List.of("ep5"), names(get(ENDPOINTS_PATH + "?offset=4&limit=2")));
        assertEquals(List.of(), names(get(ENDPOINTS_PATH + "?offset=5&limit=2")));
        assertEquals(5, names(get(ENDPOINTS_PATH)).size());

        HttpResponse<String> tooMany = get(ENDPOINTS_PATH + "?offset=0&limit=101");
        assertEquals(422, tooMany.statusCode());
        assertEquals(List.of("query", "limit"), parse(tooMany.body()).asJsonObject().getJsonArray("detail")
                .getJsonObject(0).getJsonArray("loc").getValuesAs(JsonValue::toString).stream()
                .map(s -> s.replace("\"", "")).toList());
        assertEquals(422, get(ENDPOINTS_PATH + "?limit=0").statusCode());
        assertEquals(422, get(ENDPOINTS_PATH + "?offset=-1").statusCode());
        assertEquals(422, get(ENDPOINTS_PATH + "?offset=x").statusCode());
    }

    @Test
    void pvePathAnswersTheDataValueUnwrapped() throws Exception {
        HttpResponse<String> r = get(api("/cluster/status", ENDPOINT));
        assertEquals(200, r.statusCode());
        JsonArray status = parse(r.body()).asJsonArray();
        JsonObject cluster = status.getValuesAs(JsonObject.class).stream()
                .filter(o -> o.getString("type").equals("cluster")).findFirst().orElseThrow();
        assertEquals("lab-reef", cluster.getString("name"));

        JsonObject ceph = parse(get(api("/cluster/ceph/status", ENDPOINT)).body()).asJsonObject();
        assertFalse(ceph.containsKey("data"));
        assertEquals("HEALTH_OK", ceph.getJsonObject("health").getString("status"));
    }

    @Test
    void crushMapIsAJsonStringAndDottedPoolNamesWork() throws Exception {
        JsonValue crush = parse(get(api("/nodes/pve1/ceph/crush", ENDPOINT)).body());
        assertEquals(JsonValue.ValueType.STRING, crush.getValueType());
        assertTrue(((JsonString) crush).getString().startsWith("# begin crush map"));

        HttpResponse<String> mgr = get(api("/nodes/pve1/ceph/pool/.mgr/status", ENDPOINT));
        assertEquals(200, mgr.statusCode());
    }

    @Test
    void otherSelectorsAndTrailingSlashWork() throws Exception {
        assertEquals(200, get(pve("/cluster/status/") + "?source=database&target_ip_address=127.0.0.1").statusCode());
        assertEquals(200, get(pve("/cluster/status") + "?source=netbox&target_name=" + ENDPOINT).statusCode());
        assertEquals(422, get(pve("/cluster/status") + "?source=elsewhere&target_name=" + ENDPOINT).statusCode());
    }

    @Test
    void missingFileIs404WithTheErrorShape() throws Exception {
        HttpResponse<String> r = get(api("/nodes/pve2/ceph/pool", ENDPOINT));
        assertEquals(404, r.statusCode());
        assertErrorShape(r.body());
        assertEquals(404, get(api("", ENDPOINT)).statusCode());
    }

    @Test
    void pathTraversalStaysInsideTheEndpointFolder() throws Exception {
        // %2E%2E is decoded to ".." by the server, not normalised away by the client
        HttpResponse<String> r = get(pve("/%2E%2E/endpoints") + "?source=database&target_name=" + ENDPOINT);
        assertEquals(404, r.statusCode());
        assertErrorShape(r.body());
    }

    @Test
    void unknownOrMissingTargetIs400() throws Exception {
        HttpResponse<String> unknown = get(api("/cluster/status", "no-such-endpoint"));
        assertEquals(400, unknown.statusCode());
        assertErrorShape(unknown.body());
        HttpResponse<String> none = get(pve("/cluster/status") + "?source=database");
        assertEquals(400, none.statusCode());
        assertErrorShape(none.body());
    }

    @Test
    void wrongOrMissingKeyIs401() throws Exception {
        HttpResponse<String> wrong = send(request(api("/cluster/status", ENDPOINT)).header(ProxboxStandIn.API_KEY_HEADER, "nope"));
        assertEquals(401, wrong.statusCode());
        assertErrorShape(wrong.body());
        HttpResponse<String> missing = send(request(ENDPOINTS_PATH));
        assertEquals(401, missing.statusCode());
        assertErrorShape(missing.body());

        List<RecordedRequest> log = proxbox.requests();
        assertEquals(2, log.size());
        assertTrue(log.stream().noneMatch(RecordedRequest::authorised));
        assertEquals(1, proxbox.count(pve("/cluster/status")));

        proxbox.apiKey("rotated");
        assertEquals(401, get(ENDPOINTS_PATH).statusCode());
    }

    @Test
    void unknownRouteAndMethod() throws Exception {
        assertEquals(404, get("/nothing/here").statusCode());
        HttpResponse<String> post = send(request(api("/cluster/status", ENDPOINT))
                .header(ProxboxStandIn.API_KEY_HEADER, KEY).POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertEquals(405, post.statusCode());
    }

    @Test
    void serveSwitchesSnapshotAtRuntime() throws Exception {
        assertEquals("HEALTH_OK", health());
        proxbox.serve(DEGRADED);
        assertEquals(DEGRADED.toAbsolutePath().normalize(), proxbox.serving());
        assertEquals("HEALTH_WARN", health());
        proxbox.serve(HEALTHY);
        assertEquals("HEALTH_OK", health());
        assertThrows(IllegalArgumentException.class, () -> proxbox.serve(HEALTHY.resolve(ENDPOINT)));
    }

    // ------------------------------------------------------------------------------------------ faults

    @Test
    void truncatedBodyIsInvalidJson() throws Exception {
        String path = pve("/cluster/ceph/status");
        proxbox.fault(path, Fault.truncated());
        HttpResponse<String> r = get(api("/cluster/ceph/status", ENDPOINT));
        assertEquals(200, r.statusCode());
        assertTrue(r.body().startsWith("{"));
        assertThrows(JsonParsingException.class, () -> parse(r.body()));
        // other paths are untouched
        parse(get(api("/cluster/status", ENDPOINT)).body());

        proxbox.clearFault(path);
        assertEquals("HEALTH_OK", health());
    }

    @Test
    void fixedStatusFault() throws Exception {
        String path = pve("/nodes/pve1/ceph/osd");
        proxbox.fault(path, Fault.status(500));
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> r = get(api("/nodes/pve1/ceph/osd", ENDPOINT));
            assertEquals(500, r.statusCode());
            assertErrorShape(r.body());
        }
        proxbox.fault(path, Fault.status(401));
        assertEquals(401, get(api("/nodes/pve1/ceph/osd", ENDPOINT)).statusCode());
        assertEquals(4, proxbox.count(path));
        assertEquals(List.of(500, 500, 500, 401), proxbox.requests(path).stream().map(RecordedRequest::status).toList());
        assertTrue(proxbox.requests(path).get(0).fault().contains("status=500"));

        proxbox.clearFaults();
        assertEquals(200, get(api("/nodes/pve1/ceph/osd", ENDPOINT)).statusCode());
    }

    @Test
    void rateLimitedNTimesThenNormal() throws Exception {
        String path = pve("/cluster/ceph/flags");
        proxbox.fault(path, Fault.rateLimited(7).times(2));
        for (int i = 0; i < 2; i++) {
            HttpResponse<String> r = get(api("/cluster/ceph/flags", ENDPOINT));
            assertEquals(429, r.statusCode());
            assertEquals("7", r.headers().firstValue("Retry-After").orElseThrow());
            assertErrorShape(r.body());
        }
        HttpResponse<String> ok = get(api("/cluster/ceph/flags", ENDPOINT));
        assertEquals(200, ok.statusCode());
        assertTrue(ok.headers().firstValue("Retry-After").isEmpty());
        assertEquals(11, parse(ok.body()).asJsonArray().size());
        assertEquals(3, proxbox.count(path));
        assertEquals(3, proxbox.count(ENDPOINT, path));
        assertEquals(List.of(429, 429, 200), proxbox.requests(path).stream().map(RecordedRequest::status).toList());
    }

    @Test
    void reinstallingAFaultResetsItsBudget() throws Exception {
        Fault once = Fault.status(503).retryAfter(1).times(1);
        proxbox.fault(ENDPOINTS_PATH, once);
        assertEquals(503, get(ENDPOINTS_PATH).statusCode());
        assertEquals(200, get(ENDPOINTS_PATH).statusCode());
        proxbox.fault(ENDPOINTS_PATH, once);
        HttpResponse<String> again = get(ENDPOINTS_PATH);
        assertEquals(503, again.statusCode());
        assertEquals("1", again.headers().firstValue("Retry-After").orElseThrow());
    }

    @Test
    void delayProvokesAReadTimeoutWithoutBlockingOtherRequests() throws Exception {
        String path = pve("/cluster/ceph/metadata");
        proxbox.fault(path, Fault.delay(Duration.ofSeconds(3)));
        HttpRequest slow = request(api("/cluster/ceph/metadata", ENDPOINT))
                .header(ProxboxStandIn.API_KEY_HEADER, KEY).timeout(Duration.ofMillis(300)).build();
        long t0 = System.nanoTime();
        assertThrows(HttpTimeoutException.class, () -> http.send(slow, HttpResponse.BodyHandlers.ofString()));
        assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(3));

        // a delayed request in flight does not hold up others
        CompletableFuture<HttpResponse<String>> inFlight = http.sendAsync(
                request(api("/cluster/ceph/metadata", ENDPOINT)).header(ProxboxStandIn.API_KEY_HEADER, KEY).build(),
                HttpResponse.BodyHandlers.ofString());
        long t1 = System.nanoTime();
        assertEquals(200, get(api("/cluster/status", ENDPOINT)).statusCode());
        assertTrue(System.nanoTime() - t1 < TimeUnit.SECONDS.toNanos(2));
        HttpResponse<String> late = inFlight.get(10, TimeUnit.SECONDS);
        assertEquals(200, late.statusCode());
        parse(late.body());
        assertEquals(2, proxbox.count(path));
    }

    @Test
    void delayComposesWithAStatusAndPerTargetFaultsOnlyHitThatTarget(@TempDir Path dir) throws Exception {
        // two endpoints: lab-reef (from the fixture) and lab-other (no files)
        Files.writeString(dir.resolve("endpoints.json"), """
                [{"id":2,"name":"lab-reef","ip_address":"127.0.0.1","domain":null,"port":8006},
                 {"id":3,"name":"lab-other","ip_address":"127.0.0.2","domain":"other.example","port":8006}]""");
        copyTree(HEALTHY.resolve(ENDPOINT), dir.resolve(ENDPOINT));
        proxbox.serve(dir);

        String path = pve("/cluster/status");
        proxbox.fault("lab-other", path, Fault.status(500).delayed(Duration.ofMillis(200)));
        long t0 = System.nanoTime();
        assertEquals(500, get(api("/cluster/status", "lab-other")).statusCode());
        assertTrue(System.nanoTime() - t0 >= TimeUnit.MILLISECONDS.toNanos(200));
        assertEquals(200, get(api("/cluster/status", ENDPOINT)).statusCode());
        assertEquals(404, get(pve("/cluster/status") + "?source=database&target_domain=other.example").statusCode(),
                "selected by domain: no target_name, so the per-target fault does not apply, and it has no files");
        assertEquals(1, proxbox.count("lab-other", path));
        assertEquals(1, proxbox.count(ENDPOINT, path));
        assertEquals(3, proxbox.count(path));
    }

    @Test
    void aFaultOnEveryStepHitsEachResourcesFirstPathOnAnyNodeAndNothingElse() throws Exception {
        proxbox.faultEveryStep(Fault.status(503));

        for (String path : List.of("/cluster/ceph/status", "/nodes/pve1/ceph/mon", "/nodes/pve3/ceph/osd",
                "/nodes/any-node/ceph/pool", "/nodes/pve1/ceph/fs", "/nodes/pve2/ceph/rules", "/cluster/ceph/flags")) {
            assertEquals(503, get(api(path, ENDPOINT)).statusCode(), path);
        }
        for (String path : List.of("/cluster/status", "/cluster/ceph/metadata", "/nodes/pve1/ceph/mgr", "/nodes/pve1/ceph/crush")) {
            assertEquals(200, get(api(path, ENDPOINT)).statusCode(), path);
        }
    }

    @Test
    void logCountsAndReset() throws Exception {
        get(ENDPOINTS_PATH);
        get(api("/cluster/status", ENDPOINT));
        get(api("/cluster/status", ENDPOINT));
        assertEquals(List.of(ENDPOINTS_PATH, pve("/cluster/status")), List.copyOf(proxbox.counts().keySet()));
        assertEquals(2, proxbox.counts().get(pve("/cluster/status")));
        RecordedRequest last = proxbox.requests().get(2);
        assertEquals("GET", last.method());
        assertEquals(ENDPOINT, last.targetName());
        assertEquals("database", last.param("source"));
        assertNull(last.fault());

        proxbox.fault(ENDPOINTS_PATH, Fault.status(500));
        proxbox.reset();
        assertEquals(0, proxbox.requests().size());
        assertEquals(200, get(ENDPOINTS_PATH).statusCode());
    }

    // ------------------------------------------------------------------------------------------ helpers

    private String health() throws Exception {
        return parse(get(api("/cluster/ceph/status", ENDPOINT)).body()).asJsonObject()
                .getJsonObject("health").getString("status");
    }

    private static String api(String pvePath, String target) {
        return pve(pvePath) + "?source=database&target_name=" + URLEncoder.encode(target, StandardCharsets.UTF_8);
    }

    private HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create(proxbox.baseUri() + pathAndQuery)).timeout(Duration.ofSeconds(10));
    }

    private HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        return send(request(pathAndQuery).header(ProxboxStandIn.API_KEY_HEADER, KEY));
    }

    private HttpResponse<String> send(HttpRequest.Builder b) throws IOException, InterruptedException {
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonValue parse(String body) {
        try (JsonReader r = Json.createReader(new StringReader(body))) {
            return r.readValue();
        }
    }

    private static List<String> names(HttpResponse<String> r) {
        assertEquals(200, r.statusCode(), r.body());
        return parse(r.body()).asJsonArray().getValuesAs(JsonObject.class).stream().map(o -> o.getString("name")).toList();
    }

    private static void assertErrorShape(String body) {
        JsonObject o = parse(body).asJsonObject();
        assertTrue(o.containsKey("message") && o.containsKey("detail") && o.containsKey("python_exception"), body);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (var files = Files.walk(from)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
