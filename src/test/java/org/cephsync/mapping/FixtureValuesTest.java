package org.cephsync.mapping;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.cephsync.inventory.CephCluster;
import org.cephsync.inventory.CephCrushRule;
import org.cephsync.inventory.CephDaemon;
import org.cephsync.inventory.CephFilesystem;
import org.cephsync.inventory.CephFlag;
import org.cephsync.inventory.CephHealthCheck;
import org.cephsync.inventory.CephOsd;
import org.cephsync.inventory.CephPool;
import org.cephsync.resource.CephResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Exact values, copied from the fixture files, for concrete items of every kind. */
class FixtureValuesTest {

    private static final String PACIFIC_DEGRADED = "pve7-pacific-16.2.15/degraded";
    private static final String REEF_DEGRADED = "pve8-reef-18.2.7/degraded";
    private static final String REEF_HEALTHY = "pve8-reef-18.2.7/healthy";

    @Test
    void theNodeAskedIsTheLocalOne() {
        FixtureScenario scenario = FixtureScenario.load(PACIFIC_DEGRADED);
        assertEquals("pve1", ClusterStatus.nodeToAsk(scenario.body(CephResource.CLUSTER_STATUS)));
        assertEquals("lab-pacific", ClusterStatus.clusterName(scenario.body(CephResource.CLUSTER_STATUS)));
    }

    @Test
    void degradedPacificCluster() {
        CephCluster cluster = Rows.of(new StatusMapper(), payloads(PACIFIC_DEGRADED), CephCluster.class).get(0);
        assertAll(
                () -> assertEquals("lab-pacific", cluster.getName()),
                () -> assertEquals("94b4bb37-6972-430f-a522-cb0099a15e0a", cluster.getFsid()),
                () -> assertEquals("HEALTH_WARN", cluster.getHealth()),
                () -> assertEquals(List.of("pve1", "pve2"), Rows.strings(cluster.getQuorumNames())),
                () -> assertEquals("HEALTH_WARN", cluster.getStatus().getJsonObject("health").getString("status")),
                () -> assertTrue(cluster.getStatus().containsKey("pgmap"), "the whole ceph status is kept"));
    }

    @ParameterizedTest
    @ValueSource(strings = {PACIFIC_DEGRADED, REEF_DEGRADED})
    void degradedHealthChecks(String scenario) {
        Map<String, CephHealthCheck> checks = Rows.byKey(
                Rows.of(new StatusMapper(), payloads(scenario), CephHealthCheck.class), CephHealthCheck::getName);
        List<String> expected = List.of("MDS_INSUFFICIENT_STANDBY", "MON_DOWN", "OSDMAP_FLAGS", "OSD_DOWN",
                "OSD_HOST_DOWN", "PG_DEGRADED");
        assertTrue(checks.keySet().containsAll(expected), checks.keySet().toString());
        assertEquals(scenario.equals(PACIFIC_DEGRADED) ? 7 : 6, checks.size(), "Pacific adds POOL_TOO_MANY_PGS");

        CephHealthCheck monDown = checks.get("MON_DOWN");
        assertAll(
                () -> assertEquals("HEALTH_WARN", monDown.getSeverity()),
                () -> assertEquals("1/3 mons down, quorum pve1,pve2", monDown.getSummary()),
                () -> assertEquals(1, monDown.getDetail().size()),
                () -> assertTrue(monDown.getDetail().getJsonObject(0).getString("message").startsWith("mon.pve3 (rank 2) addr ")),
                () -> assertEquals("ceph", monDown.getSource()));
        CephHealthCheck flags = checks.get("OSDMAP_FLAGS");
        assertEquals("noout,noscrub flag(s) set", flags.getSummary());
        assertEquals(0, flags.getDetail().size(), "an empty detail list stays an empty list");
        assertEquals("osd.2 (root=default,host=pve3) is down",
                checks.get("OSD_DOWN").getDetail().getJsonObject(0).getString("message"));
    }

    @Test
    void healthyClusterHasNoChecks() {
        List<CephHealthCheck> checks = Rows.of(new StatusMapper(), payloads(REEF_HEALTHY), CephHealthCheck.class);
        CephCluster cluster = Rows.of(new StatusMapper(), payloads(REEF_HEALTHY), CephCluster.class).get(0);
        assertEquals(List.of(), checks);
        assertEquals("HEALTH_OK", cluster.getHealth());
        assertEquals("983e5e87-1895-4f75-9968-f06f3b287667", cluster.getFsid());
        assertEquals(List.of("pve1", "pve2", "pve3"), Rows.strings(cluster.getQuorumNames()));
    }

    @ParameterizedTest
    @ValueSource(strings = {PACIFIC_DEGRADED, REEF_DEGRADED})
    void degradedOsds(String scenario) {
        Map<String, CephOsd> osds = Rows.byKey(Rows.of(new OsdMapper(), payloads(scenario), CephOsd.class), CephOsd::getName);
        CephOsd out = osds.get("osd.3");
        assertAll("osd.3 is up but out",
                () -> assertEquals(3, out.getOsdId()),
                () -> assertEquals("pve1", out.getHost()),
                () -> assertEquals("up", out.getStatus()),
                () -> assertEquals(true, out.getUp()),
                () -> assertEquals(false, out.getInCluster()),
                () -> assertEquals(0.0, out.getReweight()),
                () -> assertEquals(0.03118896484375, out.getWeight()),
                () -> assertEquals(0L, out.getUsedBytes()),
                () -> assertEquals(1024L, out.getTotalBytes(), "PVE's odd total for an out OSD, kept as given"),
                () -> assertEquals(1024L, out.getAvailableBytes()),
                () -> assertEquals(scenario.equals(PACIFIC_DEGRADED) ? 91 : 54, out.getPgs()));
        CephOsd down = osds.get("osd.2");
        assertAll("osd.2 is down",
                () -> assertEquals("down", down.getStatus()),
                () -> assertEquals(false, down.getUp()),
                () -> assertEquals(true, down.getInCluster()),
                () -> assertEquals("pve3", down.getHost()),
                () -> assertEquals(0, down.getPgs()));
    }

    @Test
    void pacificOsdZeroEveryField() {
        CephOsd osd = Rows.byKey(Rows.of(new OsdMapper(), payloads(PACIFIC_DEGRADED), CephOsd.class), CephOsd::getName).get("osd.0");
        JsonObject metadata = osd.getMetadata();
        assertAll(
                () -> assertEquals(0, osd.getOsdId()),
                () -> assertEquals("osd.0", osd.getName()),
                () -> assertEquals("pve1", osd.getHost()),
                () -> assertEquals("up", osd.getStatus()),
                () -> assertEquals(true, osd.getUp()),
                () -> assertEquals(true, osd.getInCluster()),
                () -> assertEquals("hdd", osd.getDeviceClass()),
                () -> assertEquals(0.03118896484375, osd.getWeight()),
                () -> assertEquals(1.0, osd.getReweight()),
                () -> assertEquals(2350002176L, osd.getUsedBytes()),
                () -> assertEquals(34359738368L, osd.getTotalBytes()),
                () -> assertEquals(34359738368L - 2350002176L, osd.getAvailableBytes()),
                () -> assertEquals(249, osd.getPgs()),
                () -> assertEquals("0", metadata.getString("id"), "the tree leaf is kept as PVE sent it"),
                () -> assertEquals("/dev/loop0", metadata.getString("blfsdev")),
                () -> assertEquals(185, metadata.getInt("apply_latency_ms")),
                () -> assertEquals("/var/lib/ceph/osd/ceph-0", metadata.getJsonObject("ceph_metadata").getString("osd_data")),
                () -> assertEquals("bluestore", metadata.getJsonObject("ceph_metadata").getString("osd_objectstore")));
    }

    @Test
    void pacificDaemons() {
        Map<String, CephDaemon> daemons = Rows.byKey(Rows.of(new DaemonMapper(), payloads(PACIFIC_DEGRADED), CephDaemon.class),
                CephDaemon::naturalKey);
        assertEquals(8, daemons.size());
        CephDaemon mon = daemons.get("mon/pve1");
        assertAll("mon.pve1",
                () -> assertEquals("mon", mon.getDaemonType()),
                () -> assertEquals("pve1", mon.getName()),
                () -> assertEquals("pve1", mon.getDaemonId()),
                () -> assertEquals("pve1", mon.getHost()),
                () -> assertEquals("running", mon.getState()),
                () -> assertEquals("running", mon.getStatus()),
                () -> assertEquals("16.2.15", mon.getVersion()),
                () -> assertEquals("127.0.0.1:6789/0", mon.getMetadata().getString("addr")),
                () -> assertEquals(1, mon.getMetadata().getInt("quorum")),
                () -> assertEquals("[v2:127.0.0.1:3300/0,v1:127.0.0.1:6789/0]",
                        mon.getMetadata().getJsonObject("ceph_metadata").getString("addrs")));
        assertEquals("stopped", daemons.get("mon/pve3").getState());
        assertEquals("active", daemons.get("mgr/pve1").getState());
        assertEquals("standby", daemons.get("mgr/pve2").getState());
        CephDaemon stoppedMgr = daemons.get("mgr/pve3");
        assertAll("mgr.pve3, stopped: PVE still lists it, Ceph has no version for it",
                () -> assertEquals("stopped", stoppedMgr.getState()),
                () -> assertEquals("stopped", stoppedMgr.getStatus()),
                () -> assertEquals("", stoppedMgr.getVersion()),
                () -> assertEquals("pve3", stoppedMgr.getHost()));
        CephDaemon mds = daemons.get("mds/pve1");
        assertAll("mds.pve1",
                () -> assertEquals("active", mds.getState()),
                () -> assertEquals("up:active", mds.getStatus()),
                () -> assertEquals("cephfs", mds.getMetadata().getString("fs_name")),
                () -> assertEquals("16.2.15", mds.getVersion()));
        assertEquals("stopped", daemons.get("mds/pve3").getState());
    }

    @Test
    void reefHealthyStandbyMds() {
        Map<String, CephDaemon> daemons = Rows.byKey(Rows.of(new DaemonMapper(), payloads(REEF_HEALTHY), CephDaemon.class),
                CephDaemon::naturalKey);
        assertEquals("standby", daemons.get("mds/pve1").getState());
        assertEquals("up:standby", daemons.get("mds/pve1").getStatus());
        assertEquals("active", daemons.get("mds/pve3").getState());
        assertEquals("active", daemons.get("mgr/pve2").getState());
        assertEquals("18.2.7", daemons.get("mgr/pve3").getVersion());
    }

    @Test
    void pacificPools() {
        Map<String, CephPool> pools = Rows.byKey(Rows.of(new PoolMapper(), payloads(PACIFIC_DEGRADED), CephPool.class), CephPool::getName);
        CephPool vmPool = pools.get("vm-pool");
        assertAll("vm-pool",
                () -> assertEquals(2, vmPool.getPoolId()),
                () -> assertEquals(3, vmPool.getSize()),
                () -> assertEquals(2, vmPool.getMinSize()),
                () -> assertEquals(128, vmPool.getPgNum()),
                () -> assertEquals("on", vmPool.getPgAutoscaleMode()),
                () -> assertEquals("replicated_rule", vmPool.getCrushRule()),
                () -> assertEquals("rbd", vmPool.getApplication()),
                () -> assertEquals(4657315840L, vmPool.getUsedBytes()),
                () -> assertEquals(3.80234196782112, vmPool.getPercentUsed(), 1e-12),
                () -> assertNull(vmPool.getMaxAvailableBytes()),
                () -> assertEquals("2", vmPool.getStatus().getString("pool"), "the entry is kept as PVE sent it"),
                () -> assertEquals(0.5, vmPool.getStatus().getJsonNumber("target_size_ratio").doubleValue()));
        assertEquals("ecpool-data", pools.get("ecpool-data").getCrushRule());
        assertEquals("warn", pools.get("ecpool-data").getPgAutoscaleMode());
        assertEquals("cephfs", pools.get("cephfs_data").getApplication());
        assertEquals("mgr_devicehealth", pools.get("device_health_metrics").getApplication());
        assertEquals("off", pools.get("legacy-rbd").getPgAutoscaleMode());
    }

    @Test
    void reefMgrPool() {
        Map<String, CephPool> pools = Rows.byKey(Rows.of(new PoolMapper(), payloads(REEF_DEGRADED), CephPool.class), CephPool::getName);
        CephPool mgr = pools.get(".mgr");
        assertEquals(1, mgr.getPoolId());
        assertEquals("mgr", mgr.getApplication());
        assertEquals(1, mgr.getPgNum());
        assertEquals(1.54319932335056e-03, mgr.getPercentUsed(), 1e-15);
        assertEquals(4.41125556826591, pools.get("vm-pool").getPercentUsed(), 1e-12);
    }

    @ParameterizedTest
    @ValueSource(strings = {PACIFIC_DEGRADED, REEF_HEALTHY})
    void cephfs(String scenario) {
        CephFilesystem fs = Rows.of(new FilesystemMapper(), payloads(scenario), CephFilesystem.class).get(0);
        assertEquals("cephfs", fs.getName());
        assertEquals("cephfs_metadata", fs.getMetadataPoolName());
        assertEquals(List.of("cephfs_data"), Rows.strings(fs.getDataPools()));
        assertNull(fs.getStandbyCountWanted());
        assertEquals("cephfs_data", fs.getStatus().getString("data_pool"));
    }

    @ParameterizedTest
    @ValueSource(strings = {PACIFIC_DEGRADED, REEF_HEALTHY})
    void crushRules(String scenario) {
        Map<String, CephCrushRule> rules = Rows.byKey(Rows.of(new CrushRuleMapper(), payloads(scenario), CephCrushRule.class),
                CephCrushRule::getName);
        CephCrushRule replicated = rules.get("replicated_rule");
        assertAll("replicated_rule",
                () -> assertEquals(0, replicated.getRuleId()),
                () -> assertEquals("replicated", replicated.getRuleType()),
                () -> assertEquals("", replicated.getDeviceClass()),
                () -> assertEquals(List.of("take default", "chooseleaf firstn 0 type host", "emit"),
                        Rows.strings(replicated.getSteps())));
        CephCrushRule hdd = rules.get("replicated_hdd");
        assertAll("replicated_hdd",
                () -> assertEquals(1, hdd.getRuleId()),
                () -> assertEquals("hdd", hdd.getDeviceClass()),
                () -> assertEquals(List.of("take default class hdd", "chooseleaf firstn 0 type host", "emit"),
                        Rows.strings(hdd.getSteps())));
        CephCrushRule erasure = rules.get("ecpool-data");
        assertAll("ecpool-data",
                () -> assertEquals(2, erasure.getRuleId()),
                () -> assertEquals("erasure", erasure.getRuleType()),
                () -> assertEquals("", erasure.getDeviceClass()),
                () -> assertEquals(List.of("set_chooseleaf_tries 5", "set_choose_tries 100", "take default",
                        "chooseleaf indep 0 type host", "emit"), Rows.strings(erasure.getSteps())),
                () -> assertEquals("ecpool-data", erasure.getRaw().getString("name")),
                () -> assertTrue(erasure.getRaw().getString("text").startsWith("rule ecpool-data {\n\tid 2\n\ttype erasure\n")),
                () -> assertTrue(erasure.getRaw().getString("text").endsWith("\tstep emit\n}")));
    }

    @Test
    void degradedFlags() {
        Map<String, CephFlag> flags = Rows.byKey(Rows.of(new FlagMapper(), payloads(PACIFIC_DEGRADED), CephFlag.class), CephFlag::getName);
        CephFlag noout = flags.get("noout");
        assertAll("noout",
                () -> assertEquals(true, noout.getEnabled()),
                () -> assertEquals("true", noout.getValue()),
                () -> assertEquals(1, noout.getRaw().getInt("value")),
                () -> assertEquals("OSDs will not automatically be marked out after the configured interval.",
                        noout.getRaw().getString("description")));
        assertEquals(true, flags.get("noscrub").getEnabled());
        CephFlag pause = flags.get("pause");
        assertFalse(pause.getEnabled());
        assertEquals("false", pause.getValue());
    }

    private static SourcePayloads payloads(String scenario) {
        return FixtureScenario.load(scenario).payloads();
    }
}
