package org.cephsync.mapping;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.cephsync.inventory.CephCluster;
import org.cephsync.inventory.CephCrushRule;
import org.cephsync.inventory.CephDaemon;
import org.cephsync.inventory.CephFilesystem;
import org.cephsync.inventory.CephFlag;
import org.cephsync.inventory.CephHealthCheck;
import org.cephsync.inventory.CephOsd;
import org.cephsync.inventory.CephPool;
import org.cephsync.inventory.InventoryRow;
import org.cephsync.resource.CephResource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every mapper against every real fixture scenario, checked against the raw {@code ceph ... -f json}
 * captures the PVE payloads were shaped from: counts, and every field the source carries.
 */
class MappersAgainstFixturesTest {

    static List<String> scenarios() {
        return FixtureScenario.NAMES;
    }

    /** What a mapper says it does not read can be left out of its bodies without changing a single item. */
    @ParameterizedTest
    @MethodSource("scenarios")
    void everyResourceSplitsTheSameWithoutTheMembersItDoesNotRead(String name) {
        FixtureScenario scenario = FixtureScenario.load(name);
        for (CephResource resource : CephResource.values()) {
            Map<String, JsonValue> without = new LinkedHashMap<>(scenario.payloads().bodies());
            for (String path : resource.paths()) {
                Set<String> unread = resource.mapper().unreadMembers(path);
                if (!unread.isEmpty()) {
                    JsonObjectBuilder body = Json.createObjectBuilder(without.get(path).asJsonObject());
                    unread.forEach(body::remove);
                    without.put(path, body.build());
                }
            }
            assertEquals(resource.mapper().split(scenario.payloads()),
                    resource.mapper().split(new SourcePayloads(scenario.endpoint(), without)), resource.wireName());
        }
        assertTrue(scenario.body(DaemonMapper.METADATA).asJsonObject().containsKey("osd"),
                "the fixture's metadata has the osd section the daemons leave out");
        assertEquals(Set.of("osd"), CephResource.DAEMONS.mapper().unreadMembers(DaemonMapper.METADATA));
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void everyResourceSplitsAndMapsOntoItsModels(String name) {
        FixtureScenario scenario = FixtureScenario.load(name);
        for (CephResource resource : CephResource.values()) {
            List<JsonObject> items = resource.mapper().split(scenario.payloads());
            assertFalse(items.isEmpty(), resource.wireName());
            assertEquals(items, resource.mapper().split(scenario.payloads()), "split is stable: " + resource.wireName());
            for (JsonObject item : items) {
                InventoryRow row = resource.mapper().map(item);
                assertTrue(resource.models().stream().anyMatch(model -> model.entity() == row.getClass()),
                        resource.wireName() + " made a " + row.getClass().getSimpleName());
                Rows.assertWriterFieldsUnset(row);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void clusterCarriesNameFsidHealthAndQuorum(String name) {
        FixtureScenario scenario = FixtureScenario.load(name);
        JsonObject cephStatus = scenario.raw("ceph_status.json").asJsonObject();
        JsonObject healthDetail = scenario.raw("ceph_health_detail.json").asJsonObject();

        CephCluster cluster = Rows.only(Rows.of(new StatusMapper(), scenario.payloads(), CephCluster.class), CephCluster.class);

        assertAll(
                () -> assertEquals(scenario.endpoint(), cluster.getName(), "the PVE cluster is named like the endpoint"),
                () -> assertEquals(cephStatus.getString("fsid"), cluster.getFsid()),
                () -> assertEquals(healthDetail.getString("status"), cluster.getHealth()),
                () -> assertEquals(scenario.degraded() ? "HEALTH_WARN" : "HEALTH_OK", cluster.getHealth()),
                () -> assertEquals(cephStatus.getJsonArray("quorum_names"), cluster.getQuorumNames()),
                () -> assertEquals(scenario.body("/cluster/ceph/status"), cluster.getStatus(), "status kept whole"),
                () -> assertNull(cluster.getProxmoxCluster()));
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void healthChecksAreTheChecksCephReports(String name) {
        FixtureScenario scenario = FixtureScenario.load(name);
        JsonObject rawChecks = scenario.raw("ceph_health_detail.json").asJsonObject().getJsonObject("checks");

        List<CephHealthCheck> checks = Rows.of(new StatusMapper(), scenario.payloads(), CephHealthCheck.class);

        assertEquals(new TreeSet<>(rawChecks.keySet()), new TreeSet<>(checks.stream().map(CephHealthCheck::getName).toList()));
        for (CephHealthCheck check : checks) {
            JsonObject raw = rawChecks.getJsonObject(check.getName());
            assertAll(check.getName(),
                    () -> assertEquals(raw.getString("severity"), check.getSeverity()),
                    () -> assertEquals(raw.getJsonObject("summary").getString("message"), check.getSummary()),
                    () -> assertEquals(raw.getJsonArray("detail"), check.getDetail()),
                    () -> assertEquals("ceph", check.getSource()),
                    () -> assertNull(check.getFirstSeenAt()),
                    () -> assertNull(check.getCluster()));
        }
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void osdsCarryTreeStateWeightsAndUsage(String name) {
        FixtureScenario scenario = FixtureScenario.load(name);
        Map<Integer, JsonObject> treeNodes = new HashMap<>();
        Map<Integer, String> hostOf = new HashMap<>();
        for (JsonValue value : scenario.raw("ceph_osd_tree.json").asJsonObject().getJsonArray("nodes")) {
            JsonObject node = value.asJsonObject();
            treeNodes.put(node.getInt("id"), node);
        }
        treeNodes.values().stream().filter(node -> node.getString("type").equals("host")).forEach(host ->
                host.getJsonArray("children").getValuesAs(jakarta.json.JsonNumber.class)
                        .forEach(child -> hostOf.put(child.intValue(), host.getString("name"))));
        Map<Integer, JsonObject> dump = byInt(scenario.raw("ceph_osd_dump.json").asJsonObject().getJsonArray("osds"), "osd");
        JsonValue pgDump = scenario.raw("ceph_pg_dump_osds.json");
        Map<Integer, JsonObject> stats = byInt(pgDump.getValueType() == JsonValue.ValueType.ARRAY
                ? pgDump.asJsonArray() : pgDump.asJsonObject().getJsonArray("osd_stats"), "osd");
        Map<Integer, JsonObject> df = byInt(scenario.raw("ceph_osd_df.json").asJsonObject().getJsonArray("nodes"), "id");

        List<CephOsd> osds = Rows.of(new OsdMapper(), scenario.payloads(), CephOsd.class);

        Set<Integer> rawOsdIds = new TreeSet<>();
        treeNodes.values().stream().filter(node -> node.getString("type").equals("osd")).forEach(node -> rawOsdIds.add(node.getInt("id")));
        assertEquals(rawOsdIds, new TreeSet<>(osds.stream().map(CephOsd::getOsdId).toList()));
        assertEquals(4, osds.size());
        for (CephOsd osd : osds) {
            int id = osd.getOsdId();
            JsonObject tree = treeNodes.get(id);
            long total = stats.get(id).getJsonNumber("kb").longValue() * 1024;
            long used = stats.get(id).getJsonNumber("kb_used").longValue() * 1024;
            assertAll("osd." + id,
                    () -> assertEquals(tree.getString("name"), osd.getName()),
                    () -> assertEquals(hostOf.get(id), osd.getHost()),
                    () -> assertEquals(tree.getString("status"), osd.getStatus()),
                    () -> assertEquals("up".equals(tree.getString("status")), osd.getUp()),
                    () -> assertEquals(dump.get(id).getInt("in") == 1, osd.getInCluster()),
                    () -> assertEquals(tree.getString("device_class"), osd.getDeviceClass()),
                    () -> assertEquals(tree.getJsonNumber("crush_weight").doubleValue(), osd.getWeight()),
                    () -> assertEquals(tree.getJsonNumber("reweight").doubleValue(), osd.getReweight()),
                    () -> assertEquals(df.get(id).getInt("pgs"), osd.getPgs()),
                    () -> assertEquals(used, osd.getUsedBytes()),
                    // PVE reports 1024 bytes for an OSD whose statfs is empty (out): kept as given
                    () -> assertEquals(total > 0 ? total : 1024L, osd.getTotalBytes()),
                    () -> assertEquals(Math.max(0, osd.getTotalBytes() - used), osd.getAvailableBytes()),
                    () -> assertEquals(id, osd.getMetadata().getJsonObject("ceph_metadata").getInt("id")),
                    () -> assertEquals(hostOf.get(id), osd.getMetadata().getJsonObject("ceph_metadata").getString("hostname")),
                    () -> assertEquals(tree.getString("name"), osd.getMetadata().getString("name"), "leaf kept whole"),
                    () -> assertNull(osd.getProxmoxNode()));
        }
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void daemonsAreTheMonsMgrsAndMdsPveLists(String name) {
        FixtureScenario scenario = FixtureScenario.load(name);
        List<String> mons = names(scenario.raw("ceph_mon_dump.json").asJsonObject().getJsonArray("mons"));
        List<String> quorum = Rows.strings(scenario.raw("ceph_status.json").asJsonObject().getJsonArray("quorum_names"));
        JsonObject mgrDump = scenario.raw("ceph_mgr_dump.json").asJsonObject();
        List<String> standbyMgrs = names(mgrDump.getJsonArray("standbys"));
        JsonObject fsDump = scenario.raw("ceph_fs_dump.json").asJsonObject();
        Map<String, String> runningMds = new HashMap<>();
        fsDump.getJsonArray("filesystems").forEach(fs -> fs.asJsonObject().getJsonObject("mdsmap").getJsonObject("info")
                .values().forEach(info -> runningMds.put(info.asJsonObject().getString("name"), info.asJsonObject().getString("state"))));
        names(fsDump.getJsonArray("standbys")).forEach(standby -> runningMds.put(standby, "up:standby"));
        String version = scenario.rawText("ceph_--version.txt").split(" ")[2];

        List<CephDaemon> daemons = Rows.of(new DaemonMapper(), scenario.payloads(), CephDaemon.class);
        Map<String, List<CephDaemon>> byType = new HashMap<>();
        daemons.forEach(daemon -> byType.computeIfAbsent(daemon.getDaemonType(), type -> new ArrayList<>()).add(daemon));

        assertEquals(Set.of("mon", "mgr", "mds"), byType.keySet());
        assertEquals(mons, byType.get("mon").stream().map(CephDaemon::getName).toList());
        assertEquals(3, byType.get("mgr").size());
        assertEquals(2, byType.get("mds").size());
        for (CephDaemon mon : byType.get("mon")) {
            assertEquals(quorum.contains(mon.getName()) ? "running" : "stopped", mon.getState(), "mon." + mon.getName());
        }
        for (CephDaemon mgr : byType.get("mgr")) {
            String expected = mgr.getName().equals(mgrDump.getString("active_name")) ? "active"
                    : standbyMgrs.contains(mgr.getName()) ? "standby" : "stopped";
            assertEquals(expected, mgr.getState(), "mgr." + mgr.getName());
        }
        for (CephDaemon mds : byType.get("mds")) {
            String raw = runningMds.getOrDefault(mds.getName(), "stopped");
            assertEquals(raw, mds.getStatus(), "mds." + mds.getName() + " keeps Ceph's state text");
            assertEquals(DaemonState.of(raw), mds.getState());
        }
        for (CephDaemon daemon : daemons) {
            String label = daemon.getDaemonType() + "." + daemon.getName();
            boolean reportedByCeph = daemon.getMetadata().containsKey("ceph_metadata");
            boolean versionKnown = daemon.getMetadata().containsKey("ceph_version_short")
                    || reportedByCeph && daemon.getMetadata().getJsonObject("ceph_metadata").containsKey("ceph_version_short");
            assertAll(label,
                    () -> assertEquals(daemon.getName(), daemon.getDaemonId()),
                    () -> assertEquals(daemon.getName(), daemon.getHost(), "each lab daemon is named after its host"),
                    () -> assertEquals(daemon.getName(), daemon.getMetadata().getString("name"), "list entry kept whole"),
                    () -> assertTrue(Set.of("active", "standby", "running", "stopped").contains(daemon.getState())),
                    () -> assertFalse(daemon.getStatus().isEmpty()),
                    // a stopped daemon Ceph no longer reports has no version anywhere
                    () -> assertEquals(versionKnown ? version : "", daemon.getVersion()),
                    () -> assertNull(daemon.getProxmoxNode()));
            if (reportedByCeph && daemon.getMetadata().getJsonObject("ceph_metadata").containsKey("hostname")) {
                assertEquals(daemon.getHost(), daemon.getMetadata().getJsonObject("ceph_metadata").getString("hostname"), label);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void poolsCarrySettingsRuleApplicationAndUsage(String name) {
        FixtureScenario scenario = FixtureScenario.load(name);
        JsonArray lspools = scenario.raw("ceph_osd_lspools.json").asJsonArray();
        Map<String, JsonObject> detail = byName(scenario.raw("ceph_osd_pool_ls_detail.json").asJsonArray(), "pool_name");
        Map<String, JsonObject> df = byName(scenario.raw("ceph_df.json").asJsonObject().getJsonArray("pools"), "name");
        Map<Integer, String> ruleNames = new HashMap<>();
        scenario.raw("ceph_osd_crush_rule_dump.json").asJsonArray().forEach(rule ->
                ruleNames.put(rule.asJsonObject().getInt("rule_id"), rule.asJsonObject().getString("rule_name")));

        List<CephPool> pools = Rows.of(new PoolMapper(), scenario.payloads(), CephPool.class);

        assertEquals(lspools.size(), pools.size());
        assertEquals(detail.size(), pools.size());
        assertEquals(lspools.stream().map(pool -> pool.asJsonObject().getString("poolname")).toList(),
                pools.stream().map(CephPool::getName).toList(), "in osd dump order");
        for (CephPool pool : pools) {
            JsonObject raw = detail.get(pool.getName());
            JsonObject stats = df.get(pool.getName()).getJsonObject("stats");
            assertAll(pool.getName(),
                    () -> assertEquals(raw.getInt("pool_id"), pool.getPoolId()),
                    () -> assertEquals(raw.getInt("size"), pool.getSize()),
                    () -> assertEquals(raw.getInt("min_size"), pool.getMinSize()),
                    () -> assertEquals(raw.getInt("pg_num"), pool.getPgNum()),
                    () -> assertEquals(raw.getString("pg_autoscale_mode"), pool.getPgAutoscaleMode()),
                    () -> assertEquals(ruleNames.get(raw.getInt("crush_rule")), pool.getCrushRule()),
                    () -> assertEquals(String.join(",", new TreeSet<>(raw.getJsonObject("application_metadata").keySet())),
                            pool.getApplication()),
                    () -> assertEquals(stats.getJsonNumber("bytes_used").longValue(), pool.getUsedBytes()),
                    () -> assertEquals(stats.getJsonNumber("percent_used").doubleValue() * 100, pool.getPercentUsed(), 1e-9),
                    () -> assertTrue(pool.getPercentUsed() >= 0 && pool.getPercentUsed() <= 100),
                    () -> assertNull(pool.getMaxAvailableBytes(), "PVE's pool list has no max-available figure"),
                    () -> assertEquals(pool.getName(), pool.getStatus().getString("pool_name"), "entry kept whole"));
        }
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void filesystemNamesItsPools(String name) {
        FixtureScenario scenario = FixtureScenario.load(name);
        JsonObject raw = scenario.raw("ceph_fs_ls.json").asJsonArray().getJsonObject(0);

        CephFilesystem fs = Rows.only(Rows.of(new FilesystemMapper(), scenario.payloads(), CephFilesystem.class),
                CephFilesystem.class);

        assertAll(
                () -> assertEquals(raw.getString("name"), fs.getName()),
                () -> assertEquals(raw.getString("metadata_pool"), fs.getMetadataPoolName()),
                () -> assertEquals(raw.getJsonArray("data_pools"), fs.getDataPools()),
                () -> assertNull(fs.getMetadataPool(), "the writer resolves the pool row"),
                () -> assertNull(fs.getStandbyCountWanted(), "PVE 7/8 do not carry it"),
                () -> assertEquals(scenario.body("/nodes/{node}/ceph/fs").asJsonArray().getJsonObject(0), fs.getStatus()));
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void crushRulesAreParsedFromTheMapText(String name) {
        FixtureScenario scenario = FixtureScenario.load(name);
        List<String> ruleNames = Rows.strings(scenario.raw("ceph_osd_crush_rule_ls.json").asJsonArray());
        Map<String, JsonObject> dump = byName(scenario.raw("ceph_osd_crush_rule_dump.json").asJsonArray(), "rule_name");

        List<CephCrushRule> rules = Rows.of(new CrushRuleMapper(), scenario.payloads(), CephCrushRule.class);

        assertEquals(ruleNames, rules.stream().map(CephCrushRule::getName).toList());
        for (CephCrushRule rule : rules) {
            JsonObject raw = dump.get(rule.getName());
            // Ceph numbers rule types: 1 replicated, 3 erasure
            String type = raw.getInt("type") == 1 ? "replicated" : raw.getInt("type") == 3 ? "erasure" : "?";
            String takeItem = raw.getJsonArray("steps").stream().map(JsonValue::asJsonObject)
                    .filter(step -> step.getString("op").equals("take")).findFirst().orElseThrow().getString("item_name");
            assertAll(rule.getName(),
                    () -> assertEquals(raw.getInt("rule_id"), rule.getRuleId()),
                    () -> assertEquals(type, rule.getRuleType()),
                    () -> assertEquals(raw.getJsonArray("steps").size(), rule.getSteps().size()),
                    () -> assertEquals(takeItem.contains("~") ? takeItem.substring(takeItem.indexOf('~') + 1) : "",
                            rule.getDeviceClass()),
                    () -> assertEquals(rule.getName(), rule.getRaw().getString("name")),
                    () -> assertTrue(rule.getRaw().getString("text").startsWith("rule " + rule.getName() + " {")),
                    () -> assertTrue(rule.getRaw().getString("text").endsWith("}")),
                    () -> assertTrue(scenario.rawText("crushmap.txt").contains(rule.getRaw().getString("text"))));
        }
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void flagsAreAllElevenWithTheirState(String name) {
        FixtureScenario scenario = FixtureScenario.load(name);
        Set<String> set = new HashSet<>(Arrays.asList(
                scenario.raw("ceph_osd_dump.json").asJsonObject().getString("flags").split(",")));

        List<CephFlag> flags = Rows.of(new FlagMapper(), scenario.payloads(), CephFlag.class);

        assertEquals(11, flags.size());
        for (CephFlag flag : flags) {
            boolean expected = flag.getName().equals("pause") ? set.contains("pauserd") && set.contains("pausewr")
                    : set.contains(flag.getName());
            assertAll(flag.getName(),
                    () -> assertEquals(expected, flag.getEnabled()),
                    () -> assertEquals(String.valueOf(expected), flag.getValue()),
                    () -> assertEquals(flag.getName(), flag.getRaw().getString("name")),
                    () -> assertNotNull(flag.getRaw().getString("description")));
        }
        Map<String, CephFlag> byName = Rows.byKey(flags, CephFlag::getName);
        assertEquals(scenario.degraded(), byName.get("noout").getEnabled());
        assertEquals(scenario.degraded(), byName.get("noscrub").getEnabled());
    }

    private static Map<Integer, JsonObject> byInt(JsonArray array, String key) {
        Map<Integer, JsonObject> map = new HashMap<>();
        array.forEach(value -> map.put(value.asJsonObject().getInt(key), value.asJsonObject()));
        return map;
    }

    private static Map<String, JsonObject> byName(JsonArray array, String key) {
        Map<String, JsonObject> map = new HashMap<>();
        array.forEach(value -> map.put(value.asJsonObject().getString(key), value.asJsonObject()));
        return map;
    }

    private static List<String> names(JsonArray array) {
        return array.stream().map(value -> value.asJsonObject().getString("name")).toList();
    }
}
