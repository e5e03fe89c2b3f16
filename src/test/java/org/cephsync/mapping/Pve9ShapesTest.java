package org.cephsync.mapping;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.List;
import org.cephsync.inventory.CephCluster;
import org.cephsync.inventory.CephDaemon;
import org.cephsync.inventory.CephFilesystem;
import org.cephsync.inventory.CephFlag;
import org.cephsync.inventory.CephHealthCheck;
import org.cephsync.inventory.CephOsd;
import org.cephsync.inventory.CephPool;
import org.cephsync.resource.CephResource;
import org.junit.jupiter.api.Test;

/**
 * PVE 9 sends real numbers and booleans, omits some nulls and adds fields. Each body here is a real fixture
 * item (pve7 degraded) rewritten that way.
 */
class Pve9ShapesTest {

    private static final String METADATA = """
            {"node": {}, "mon": {"pve1@pve1": {"name": "pve1", "hostname": "pve1", "ceph_version": "ceph version 19.2.3 (abc) squid (stable)"}},
             "mgr": {}, "mds": {},
             "osd": [{"id": 3, "hostname": "pve1", "osd_objectstore": "bluestore"}]}""";

    @Test
    void osdLeafWithRealNumbersAndBooleans() {
        SourcePayloads payloads = Payloads.withClusterStatus()
                .with("/nodes/{node}/ceph/osd", """
                        {"flags": "noout", "root": {"leaf": false, "children": [
                          {"id": -1, "name": "default", "type": "root", "leaf": false, "children": [
                            {"id": -3, "name": "pve1", "type": "host", "leaf": false, "children": [
                              {"id": 3, "name": "osd.3", "type": "osd", "leaf": true, "host": "pve1", "status": "up",
                               "in": false, "crush_weight": 0.03118896484375, "reweight": 0, "pgs": 91, "bytes_used": 0,
                               "total_space": 1024, "device_class": "hdd", "osdtype": "bluestore",
                               "mclock_capacity_iops": 315.5}]}]}]}}""")
                .with("/cluster/ceph/metadata", METADATA)
                .build();

        CephOsd osd = Rows.only(Rows.of(new OsdMapper(), payloads, CephOsd.class), CephOsd.class);

        assertAll(
                () -> assertEquals(3, osd.getOsdId()),
                () -> assertEquals("pve1", osd.getHost()),
                () -> assertEquals(true, osd.getUp()),
                () -> assertEquals(false, osd.getInCluster()),
                () -> assertEquals(0.0, osd.getReweight()),
                () -> assertEquals(91, osd.getPgs()),
                () -> assertEquals(1024L, osd.getAvailableBytes()),
                () -> assertEquals(315.5, osd.getMetadata().getJsonNumber("mclock_capacity_iops").doubleValue(),
                        "unknown fields are kept"),
                () -> assertEquals("bluestore", osd.getMetadata().getJsonObject("ceph_metadata").getString("osd_objectstore")));
    }

    @Test
    void osdInAsQuotedOneAndAsTrue() {
        OsdMapper mapper = new OsdMapper();
        for (String in : List.of("\"1\"", "true", "1")) {
            JsonObject item = FixtureScenario.parse("{\"leaf\": {\"id\": \"0\", \"type\": \"osd\", \"status\": \"up\", \"in\": "
                    + in + "}, \"host\": \"pve1\"}").asJsonObject();
            assertEquals(true, ((CephOsd) mapper.map(item)).getInCluster(), "in = " + in);
        }
    }

    @Test
    void poolWithRealNumbersOmittedNullsAndMaxAvailable() {
        SourcePayloads payloads = Payloads.withClusterStatus()
                .with("/nodes/{node}/ceph/pool", """
                        [{"pool": 2, "pool_name": "vm-pool", "size": 3, "min_size": 2, "pg_num": 128,
                          "pg_autoscale_mode": "on", "crush_rule": 0, "crush_rule_name": "replicated_rule",
                          "application_metadata": {"rbd": {}, "cephfs": {"data": "x"}}, "type": "replicated",
                          "bytes_used": 4657315840, "percent_used": 0.0380234196782112, "max_avail": 46529757184,
                          "is_stretch_pool": false}]""")
                .build();

        CephPool pool = Rows.only(Rows.of(new PoolMapper(), payloads, CephPool.class), CephPool.class);

        assertAll(
                () -> assertEquals(2, pool.getPoolId()),
                () -> assertEquals("replicated_rule", pool.getCrushRule()),
                () -> assertEquals("cephfs,rbd", pool.getApplication(), "sorted keys"),
                () -> assertEquals(46529757184L, pool.getMaxAvailableBytes()),
                () -> assertEquals(3.80234196782112, pool.getPercentUsed(), 1e-12),
                () -> assertFalse(pool.getStatus().getBoolean("is_stretch_pool")));
    }

    @Test
    void poolRuleNumberAloneIsNotPassedOffAsAName() {
        JsonObject item = FixtureScenario.parse("""
                {"pool": 1, "pool_name": ".mgr", "crush_rule": 0, "max_available": 7}""").asJsonObject();
        CephPool pool = (CephPool) new PoolMapper().map(item);
        assertEquals("", pool.getCrushRule());
        assertEquals(7L, pool.getMaxAvailableBytes());
        assertNull(pool.getPercentUsed());
        assertNull(pool.getSize());
        assertEquals("", pool.getApplication());
    }

    @Test
    void filesystemWithDataPoolsAndPoolIds() {
        SourcePayloads payloads = Payloads.withClusterStatus()
                .with("/nodes/{node}/ceph/fs", """
                        [{"name": "cephfs", "metadata_pool": "cephfs_metadata", "metadata_pool_id": 5,
                          "data_pool": "cephfs_data", "data_pools": ["cephfs_data", "cephfs_ec"], "data_pool_ids": [4, 8],
                          "standby_count_wanted": 1}]""")
                .build();

        CephFilesystem fs = Rows.only(Rows.of(new FilesystemMapper(), payloads, CephFilesystem.class), CephFilesystem.class);

        assertAll(
                () -> assertEquals("cephfs_metadata", fs.getMetadataPoolName()),
                () -> assertEquals(List.of("cephfs_data", "cephfs_ec"), Rows.strings(fs.getDataPools())),
                () -> assertEquals(1, fs.getStandbyCountWanted()),
                () -> assertEquals(5, fs.getStatus().getInt("metadata_pool_id"), "kept in the payload"));
    }

    @Test
    void flagsAsBooleans() {
        SourcePayloads payloads = Payloads.withClusterStatus()
                .with("/cluster/ceph/flags", """
                        [{"name": "noout", "description": "d", "value": true},
                         {"name": "pause", "description": "d", "value": false},
                         {"name": "noup", "description": "d", "value": "1"},
                         {"name": "future", "description": "value not known yet"}]""")
                .build();

        List<CephFlag> flags = Rows.of(new FlagMapper(), payloads, CephFlag.class);

        assertEquals(List.of(true, false, true), flags.subList(0, 3).stream().map(CephFlag::getEnabled).toList());
        assertEquals(List.of("true", "false", "true", ""), flags.stream().map(CephFlag::getValue).toList());
        assertNull(flags.get(3).getEnabled());
    }

    @Test
    void clusterStatusWithRealBooleans() {
        String status = """
                [{"type": "cluster", "name": "prod", "quorate": true, "nodes": 3},
                 {"type": "node", "name": "pve3", "online": true, "local": false},
                 {"type": "node", "name": "pve2", "online": true, "local": false},
                 {"type": "node", "name": "pve1", "online": false, "local": false}]""";
        assertEquals("prod", ClusterStatus.clusterName(FixtureScenario.parse(status)));
        assertEquals("pve2", ClusterStatus.nodeToAsk(FixtureScenario.parse(status)), "first online node by name");
    }

    @Test
    void monWithRealNumbersAndVersionOnlyInTheBanner() {
        SourcePayloads payloads = Payloads.withClusterStatus()
                .with("/nodes/{node}/ceph/mon", """
                        [{"name": "pve1", "host": "pve1", "addr": "10.0.0.1:6789/0", "quorum": true, "rank": 0,
                          "service": true, "direxists": true, "state": "running"}]""")
                .with("/nodes/{node}/ceph/mgr", "[]")
                .with("/nodes/{node}/ceph/mds", "[]")
                .with("/cluster/ceph/metadata", METADATA)
                .build();

        CephDaemon mon = Rows.only(Rows.of(new DaemonMapper(), payloads, CephDaemon.class), CephDaemon.class);

        assertAll(
                () -> assertEquals("running", mon.getState()),
                () -> assertEquals("19.2.3", mon.getVersion(), "cut from the metadata's version banner"),
                () -> assertTrue(mon.getMetadata().getBoolean("quorum")),
                () -> assertEquals("pve1", mon.getMetadata().getJsonObject("ceph_metadata").getString("hostname")));
    }

    @Test
    void unknownHealthWordsAreUnknownNotErrors() {
        SourcePayloads payloads = Payloads.withClusterStatus()
                .with("/cluster/ceph/status", """
                        {"fsid": "f", "health": {"status": "HEALTH_SOMETHING_NEW", "checks": {
                          "NEW_CHECK": {"severity": "HEALTH_NOTICE", "summary": {"message": "m", "count": 1}, "muted": false}}}}""")
                .build();

        List<JsonObject> items = new StatusMapper().split(payloads);
        CephCluster cluster = (CephCluster) new StatusMapper().map(items.get(0));
        CephHealthCheck check = (CephHealthCheck) new StatusMapper().map(items.get(1));

        assertEquals("unknown", cluster.getHealth());
        assertEquals(List.of(), cluster.getQuorumNames());
        assertEquals("unknown", check.getSeverity());
        assertEquals(List.of(), check.getDetail(), "no detail list: empty");
    }

    @Test
    void longSummaryIsCutTo512Characters() {
        String message = "x".repeat(600);
        JsonObject item = FixtureScenario.parse("{\"kind\": \"health_check\", \"name\": \"LONG\", \"check\": "
                + "{\"severity\": \"HEALTH_ERR\", \"summary\": {\"message\": \"" + message + "\"}}}").asJsonObject();
        CephHealthCheck check = (CephHealthCheck) new StatusMapper().map(item);
        assertEquals(512, check.getSummary().length());
        assertEquals("HEALTH_ERR", check.getSeverity());
    }

    @Test
    void standaloneNodeNamesTheCluster() {
        SourcePayloads payloads = Payloads.withClusterStatus()
                .with(CephResource.CLUSTER_STATUS, """
                        [{"type": "node", "name": "solo", "online": 1, "local": 1, "nodeid": 0}]""")
                .with("/cluster/ceph/status", "{\"fsid\": \"f\", \"health\": {\"status\": \"HEALTH_OK\", \"checks\": {}}}")
                .build();
        CephCluster cluster = Rows.only(Rows.of(new StatusMapper(), payloads, CephCluster.class), CephCluster.class);
        assertEquals("solo", cluster.getName());
    }
}
