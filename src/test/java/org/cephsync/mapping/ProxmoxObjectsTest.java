package org.cephsync.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import org.cephsync.inventory.CephCluster;
import org.cephsync.inventory.CephDaemon;
import org.cephsync.inventory.CephOsd;
import org.cephsync.inventory.ProxmoxObjects;
import org.junit.jupiter.api.Test;

/** NetBox's nodes and clusters fill the references of rows mapped from a real fixture, by host and by cluster name. */
class ProxmoxObjectsTest {

    private static final ProxmoxObjects NETBOX = new ProxmoxObjects(Map.of("pve1", 101L, "pve2", 102L), Map.of("lab-reef", 11L));

    @Test
    void daemonsAndOsdsReferToTheNodeOfTheirHostAndTheClusterToItsProxmoxCluster() {
        FixtureScenario scenario = FixtureScenario.load("pve8-reef-18.2.7/healthy");
        List<CephOsd> osds = Rows.of(new OsdMapper(), scenario.payloads(), CephOsd.class);
        List<CephDaemon> daemons = Rows.of(new DaemonMapper(), scenario.payloads(), CephDaemon.class);
        CephCluster cluster = Rows.only(Rows.of(new StatusMapper(), scenario.payloads(), CephCluster.class), CephCluster.class);

        osds.forEach(NETBOX::referTo);
        daemons.forEach(NETBOX::referTo);
        NETBOX.referTo(cluster);

        for (CephOsd osd : osds) {
            assertEquals(NETBOX.nodes().get(osd.getHost()), osd.getProxmoxNode(), osd.getName() + " on " + osd.getHost());
        }
        for (CephDaemon daemon : daemons) {
            assertEquals(NETBOX.nodes().get(daemon.getHost()), daemon.getProxmoxNode(), daemon.getName() + " on " + daemon.getHost());
        }
        assertEquals(11L, cluster.getProxmoxCluster());
        assertEquals(List.of(101L, 102L), osds.stream().map(CephOsd::getProxmoxNode).filter(java.util.Objects::nonNull)
                .distinct().sorted().toList(), "OSDs on both nodes NetBox knows");
        assertNull(osds.stream().filter(o -> "pve3".equals(o.getHost())).findFirst().orElseThrow().getProxmoxNode(),
                "a host NetBox does not know: no reference");

        ProxmoxObjects.NONE.referTo(cluster);
        assertNull(cluster.getProxmoxCluster(), "without NetBox: null");
    }
}
