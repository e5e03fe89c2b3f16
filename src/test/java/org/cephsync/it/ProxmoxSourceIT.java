package org.cephsync.it;

import static org.cephsync.it.AdminClient.stage;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.cephsync.inventory.InventoryJson;
import org.cephsync.inventory.InventoryModel;
import org.cephsync.inventory.InventoryRow;
import org.cephsync.mapping.ClusterStatus;
import org.cephsync.mapping.SourcePayloads;
import org.cephsync.resource.CephResource;
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
 * {@code ceph-sync.source=proxmox} against Proxmox VE stand-ins over real HTTPS (a self-signed certificate,
 * pinned by its fingerprint) and explicit HTTP: the API token goes as PVEAPIToken, a dead first node is
 * skipped for the next, and the inventory is field for field what the fixture maps to (the same mapping
 * every source feeds). A wrong token, an unpinned or wrongly pinned certificate, a truncated body and a
 * timeout each fail the run with a readable stage error and change no row; the secret is in no log and no
 * answer.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProxmoxSourceIT {

    private static final long RUN = System.currentTimeMillis() / 1000 % 100_000_000L * 10;
    private static final long PINNED = RUN + 1;
    private static final long PLAIN = RUN + 2;
    private static final long WRONG_TOKEN = RUN + 3;
    private static final long UNPINNED = RUN + 4;
    private static final long WRONG_PIN = RUN + 5;
    private static final String TOKEN_ID = "ceph-sync@pve!sync";
    private static final String SECRET = "5f1c2b9e-77aa-4d1e-9c3b-" + RUN % 1_000_000_000_000L;
    private static final Path REEF = endpointDir("pve8-reef-18.2.7", "healthy");
    private static final Path PACIFIC = endpointDir("pve7-pacific-16.2.15", "healthy");

    private static final List<AutoCloseable> STAND_INS = new ArrayList<>();
    private static ProxmoxVeStandIn reefNode;

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive deployment() throws Exception {
        ServerLog.capture();
        String authorization = "PVEAPIToken=" + TOKEN_ID + "=" + SECRET;
        reefNode = standIn(new ProxmoxVeStandIn(REEF, authorization, true));
        ProxmoxVeStandIn pacificNode = standIn(new ProxmoxVeStandIn(PACIFIC, authorization, false));
        List<String> config = new ArrayList<>(List.of("ceph-sync.source=proxmox",
                "ceph-sync.proxmox.endpoints=pve-pinned,pve-plain,pve-wrong-token,pve-unpinned,pve-wrong-pin",
                "ceph-sync.proxmox.read-timeout-seconds=2"));
        endpoint(config, "pve-pinned", PINNED, "127.0.0.1:" + deadPort() + "," + reefNode.address(), SECRET,
                "fingerprint=" + reefNode.fingerprint());
        endpoint(config, "pve-plain", PLAIN, pacificNode.address(), SECRET, null);
        endpoint(config, "pve-wrong-token", WRONG_TOKEN, pacificNode.address(), "not-" + SECRET, null);
        endpoint(config, "pve-unpinned", UNPINNED, reefNode.address(), SECRET, null);
        endpoint(config, "pve-wrong-pin", WRONG_PIN, reefNode.address(), SECRET, "fingerprint=" + "AB:".repeat(31) + "AB");
        return TestDeployment.withoutProxbox(config.toArray(String[]::new));
    }

    @AfterAll
    static void stopStandIns() throws Exception {
        for (AutoCloseable standIn : STAND_INS) {
            standIn.close();
        }
    }

    @Test
    @Order(1)
    void aFullSyncThroughThePinnedNodeAfterADeadOneIsTheFixtureFieldForField() throws Exception {
        AdminClient api = new AdminClient(base.toURI());
        JsonObject job = api.sync("{\"endpoints\":[" + PINNED + "," + PLAIN + "]}");

        assertEquals("COMPLETED", job.getString("status"), job::toString);
        assertInventoryIsTheFixture(api, PINNED, REEF);
        assertInventoryIsTheFixture(api, PLAIN, PACIFIC);
        assertTrue(reefNode.requests().stream().allMatch(r -> r.endsWith(" 200")), () -> "every request authorised: " + reefNode.requests());
    }

    @Test
    @Order(2)
    void aWrongTokenOrCertificateFailsTheRunReadably() throws Exception {
        AdminClient api = new AdminClient(base.toURI());
        assertRunFails(api, WRONG_TOKEN, "status", "Proxmox VE answered 401", "ceph-sync.proxmox.pve-wrong-token.token-id");
        assertRunFails(api, UNPINNED, "status", "is not trusted", "certification path");
        assertRunFails(api, WRONG_PIN, "status", "is not trusted", "not a pinned one");
    }

    @Test
    @Order(3)
    void aTruncatedBodyOrATimeoutFailsItsStageAndChangesNoRow() throws Exception {
        AdminClient api = new AdminClient(base.toURI());
        Map<String, Map<String, JsonObject>> before = inventory(api, PINNED);
        try {
            reefNode.truncate("/cluster/ceph/flags");
            assertRunFails(api, PINNED, "flags", "malformed JSON", "/cluster/ceph/flags");
            reefNode.clearFaults();
            reefNode.delay("/nodes/pve1/ceph/pool", Duration.ofSeconds(5));
            assertRunFails(api, PINNED, "pools", "did not answer", "HttpTimeoutException");
        } finally {
            reefNode.clearFaults();
        }
        assertEquals(before, inventory(api, PINNED), "no row deleted or changed");
    }

    @Test
    @Order(4)
    void theTokenSecretIsInNoLogAndNoAnswer() {
        String log = ServerLog.text();
        assertTrue(log.contains("pve-pinned"), "the capture holds the server's log");
        assertFalse(log.contains(SECRET), "the server log contains the PVE token secret");
        assertTrue(new ArrayList<>(AdminClient.TRANSCRIPT).stream().noneMatch(answer -> answer.contains(SECRET)), "an answer contains the PVE token secret");
    }

    private static void assertRunFails(AdminClient api, long endpoint, String resource, String... reasons) {
        JsonObject job = api.sync("{\"endpoints\":[" + endpoint + "]}");
        assertEquals("FAILED", job.getString("status"), job::toString);
        JsonObject stage = stage(job, resource);
        assertEquals("error", stage.getString("status"), stage::toString);
        for (String reason : reasons) {
            assertTrue(stage.getString("error").contains(reason), () -> "the reason should mention " + reason + ": " + stage);
        }
    }

    /** Every row of every model is the fixture's mapping: the same rows, and every field the mapping sets. */
    private static void assertInventoryIsTheFixture(AdminClient api, long endpoint, Path endpointDir) {
        Map<String, Map<String, JsonObject>> actual = inventory(api, endpoint);
        Map<String, Map<String, JsonObject>> expected = new HashMap<>();
        for (CephResource resource : CephResource.values()) {
            SourcePayloads payloads = payloads(endpointDir, resource);
            for (JsonObject item : resource.mapper().split(payloads)) {
                InventoryRow row = resource.mapper().map(item);
                JsonObject json = InventoryJson.toJson(row);
                String key = json.containsKey("daemon_type") ? json.getString("daemon_type") + "." + row.getName() : row.getName();
                expected.computeIfAbsent(InventoryModel.of(row).path(), m -> new HashMap<>()).put(key, json);
            }
        }
        List<org.junit.jupiter.api.function.Executable> checks = new ArrayList<>();
        for (InventoryModel model : InventoryModel.values()) {
            Map<String, JsonObject> want = expected.getOrDefault(model.path(), Map.of());
            Map<String, JsonObject> got = actual.get(model.path());
            checks.add(() -> assertEquals(want.keySet(), got.keySet(), model.path() + " of endpoint " + endpoint));
            want.forEach((key, row) -> {
                for (String field : model.fields()) {
                    JsonValue value = row.get(field);
                    if (value != null && value != JsonValue.NULL && !InventoryJson.BOOKKEEPING.contains(field)) {
                        checks.add(() -> {
                            assertNotNull(got.get(key), model.path() + " " + key);
                            assertEquals(value, got.get(key).get(field), model.path() + " " + key + " " + field);
                        });
                    }
                }
            });
        }
        assertAll(checks);
    }

    /** What a source answers for the resource's paths, as the fetch phase asks them (the node from the cluster status). */
    private static SourcePayloads payloads(Path endpointDir, CephResource resource) {
        Map<String, JsonValue> bodies = new LinkedHashMap<>();
        JsonValue clusterStatus = data(endpointDir, CephResource.CLUSTER_STATUS);
        bodies.put(CephResource.CLUSTER_STATUS, clusterStatus);
        for (String path : resource.paths()) {
            bodies.put(path, data(endpointDir, path.replace("{node}", ClusterStatus.nodeToAsk(clusterStatus))));
        }
        return new SourcePayloads(endpointDir.getFileName().toString(), bodies);
    }

    private static JsonValue data(Path endpointDir, String pvePath) {
        try {
            return AdminClient.parse(Files.readString(endpointDir.resolve(pvePath.substring(1) + ".json"))).asJsonObject().get("data");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static Map<String, Map<String, JsonObject>> inventory(AdminClient api, long endpoint) {
        Map<String, Map<String, JsonObject>> all = new HashMap<>();
        for (InventoryModel model : InventoryModel.values()) {
            all.put(model.path(), api.rows(model.path(), endpoint));
        }
        return all;
    }

    private static void endpoint(List<String> config, String name, long id, String hosts, String secret, String trust) {
        String prefix = "ceph-sync.proxmox." + name + ".";
        config.addAll(List.of(prefix + "id=" + id, prefix + "hosts=" + hosts, prefix + "token-id=" + TOKEN_ID,
                prefix + "token-secret=" + secret));
        if (trust != null) {
            config.add(prefix + trust);
        }
    }

    private static ProxmoxVeStandIn standIn(ProxmoxVeStandIn standIn) throws Exception {
        STAND_INS.add(standIn.start());
        return standIn;
    }

    /** A port on 127.0.0.1 that nothing listens on: a node that is down. */
    private static int deadPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static Path endpointDir(String profile, String scenario) {
        try (Stream<Path> entries = Files.list(ProxboxStandIn.fixture(profile, scenario))) {
            return entries.filter(Files::isDirectory).findFirst().orElseThrow();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
