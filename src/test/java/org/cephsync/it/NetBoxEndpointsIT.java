package org.cephsync.it;

import static org.cephsync.it.AdminClient.stage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * netbox.url and netbox.token set, proxbox.url not: the endpoints in scope are the Proxmox endpoints NetBox's
 * netbox-proxbox lists (every page, the v2 token sent as Bearer), read through the proxbox-api that NetBox's
 * FastAPI endpoint names; daemons and OSDs refer to the ProxmoxNode of their host within their endpoint and
 * clusters to their ProxmoxCluster (a host NetBox does not know: null); an endpoint only proxbox-api knows is
 * not synced; NetBox unreachable fails the run
 * with a reason that names it and deletes nothing.
 */
@ExtendWith(ArquillianExtension.class)
class NetBoxEndpointsIT {

    private static final long RUN = System.currentTimeMillis() / 1000 % 100_000_000L * 10;
    private static final long FIRST = RUN + 4;
    private static final long SECOND = RUN + 6;
    private static final long ONLY_IN_PROXBOX = RUN + 9;
    /** NetBox's ProxmoxCluster ids by endpoint, and ProxmoxNode ids by endpoint and node name: pve3 of the first is not in NetBox. */
    private static final Map<Long, Long> CLUSTERS = Map.of(FIRST, 11L, SECOND, 21L);
    private static final Map<Long, Map<String, Long>> NODES = Map.of(FIRST, Map.of("pve1", 101L, "pve2", 102L),
            SECOND, Map.of("pve1", 201L, "pve2", 202L, "pve3", 203L));
    private static final long RENUMBERED = 1000;
    private static final Map<Long, NetBoxStandIn.Endpoint> IN_NETBOX = Map.of(
            FIRST, new NetBoxStandIn.Endpoint(FIRST, "nb-first-" + RUN, "10.0.0.11"),
            SECOND, new NetBoxStandIn.Endpoint(SECOND, "nb-second-" + RUN, "10.0.0.12"));
    private static final String TOKEN = "nbt_AbCdEf123456.0123456789abcdefghijABCDEFGHIJ0123456789abcd";

    private static ProxboxStandIn proxbox;
    private static NetBoxStandIn netbox;

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive deployment() throws IOException {
        SnapshotDir snapshot = new SnapshotDir(Files.createTempDirectory("ceph-sync-netbox"))
                .put(FIRST, "nb-first-" + RUN, "pve8-reef-18.2.7", "healthy")
                .put(SECOND, "nb-second-" + RUN, "pve7-pacific-16.2.15", "degraded")
                .put(ONLY_IN_PROXBOX, "nb-other-" + RUN, "pve8-reef-18.2.7", "healthy");
        proxbox = new ProxboxStandIn(snapshot.root(), TestDeployment.API_KEY).start();
        List<NetBoxStandIn.ProxmoxObject> clusters = List.of(
                new NetBoxStandIn.ProxmoxObject(CLUSTERS.get(FIRST), "lab-reef", IN_NETBOX.get(FIRST)),
                new NetBoxStandIn.ProxmoxObject(CLUSTERS.get(SECOND), "lab-pacific", IN_NETBOX.get(SECOND)));
        netbox = new NetBoxStandIn(List.of(IN_NETBOX.get(FIRST), IN_NETBOX.get(SECOND)), clusters, nodes(0), proxbox.baseUri(),
                "Bearer " + TOKEN).start();
        // the last value of a key wins: no proxbox.url, the FastAPI endpoint in NetBox names it
        return TestDeployment.war(proxbox, "netbox.url=" + netbox.baseUri(), "netbox.token=" + TOKEN, "proxbox.url=");
    }

    /** NetBox's ProxmoxNodes, their ids moved by {@code renumbered}. */
    private static List<NetBoxStandIn.ProxmoxObject> nodes(long renumbered) {
        return NODES.entrySet().stream().flatMap(e -> e.getValue().entrySet().stream()
                .map(n -> new NetBoxStandIn.ProxmoxObject(n.getValue() + renumbered, n.getKey(), IN_NETBOX.get(e.getKey())))).toList();
    }

    @AfterAll
    static void stopStandIns() {
        if (netbox != null) {
            netbox.close();
        }
        if (proxbox != null) {
            proxbox.close();
        }
    }

    private static void assertReferences(AdminClient api, long renumbered) {
        for (long endpoint : List.of(FIRST, SECOND)) {
            for (JsonObject cluster : api.rows("clusters", endpoint).values()) {
                assertEquals(CLUSTERS.get(endpoint), cluster.getJsonNumber("proxmox_cluster").longValue(), cluster::toString);
            }
            for (String model : List.of("osds", "daemons")) {
                Set<String> hosts = new java.util.HashSet<>();
                for (JsonObject row : api.rows(model, endpoint).values()) {
                    hosts.add(row.getString("host"));
                    Long node = NODES.get(endpoint).get(row.getString("host"));
                    assertEquals(node == null ? "null" : String.valueOf(node + renumbered), row.get("proxmox_node").toString(),
                            () -> "the ProxmoxNode of its host within its endpoint: " + row);
                }
                assertTrue(hosts.containsAll(Set.of("pve1", "pve2", "pve3")), model + " on every node: " + hosts);
            }
        }
    }

    @Test
    void theEndpointsComeFromNetBoxAndNetBoxDownFailsTheRunDeletingNothing() throws Exception {
        AdminClient api = new AdminClient(base.toURI());
        JsonObject job = api.sync("{}");

        assertEquals("COMPLETED", job.getString("status"), job::toString);
        Set<String> synced = stage(job, "osds").getJsonObject("response").getJsonArray("endpoints")
                .getValuesAs(JsonObject.class).stream().map(e -> e.getString("name")).collect(Collectors.toSet());
        assertEquals(Set.of("nb-first-" + RUN, "nb-second-" + RUN), synced, "NetBox's endpoints, every page of them");
        assertFalse(api.rows("osds", FIRST).isEmpty());
        assertFalse(api.rows("osds", SECOND).isEmpty());
        assertTrue(api.rows("osds", ONLY_IN_PROXBOX).isEmpty(), "an endpoint NetBox does not list is not synced");
        assertTrue(netbox.authorizationsSeen().size() >= 3, "two pages of endpoints and the FastAPI endpoint");
        assertReferences(api, 0);

        // NetBox's nodes get new ids; a run that fails in the middle of osds and is restarted maps the rest of
        // its staged OSDs with the objects it read when it started
        netbox.nodes(nodes(RENUMBERED));
        assertEquals(204, api.call("POST", "api/test/faults?resource=osds&after=1", null).status());
        JsonObject failedMidway = api.sync("{}");
        api.call("DELETE", "api/test/faults", null);
        assertEquals("FAILED", failedMidway.getString("status"), failedMidway::toString);
        AdminClient.Answer restarted = api.call("POST", "api/sync/jobs/" + failedMidway.getInt("id") + "/restart", null);
        assertEquals(202, restarted.status(), () -> restarted.body().toString());
        JsonObject done = api.await(restarted.json().getInt("id"));
        assertEquals("COMPLETED", done.getString("status"), done::toString);
        assertReferences(api, RENUMBERED);
        assertEquals(Set.of("Bearer " + TOKEN), Set.copyOf(netbox.authorizationsSeen()), "NetBox's v2 token as Bearer");

        Map<String, JsonObject> before = api.rows("osds", FIRST);
        netbox.close();
        JsonObject failed = api.sync("{}");

        assertEquals("FAILED", failed.getString("status"), failed::toString);
        String error = failed.getJsonObject("data").getJsonObject("ceph_sync").getString("error");
        assertTrue(error.contains("NetBox at " + "http://127.0.0.1") && error.contains("did not answer"), error);
        assertEquals(before, api.rows("osds", FIRST), "nothing deleted or changed");
    }
}
