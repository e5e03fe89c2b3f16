package org.cephsync.mapping;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** A payload of the wrong shape is a {@link MappingException} that says which item and which field. */
class BadShapesTest {

    private static final String METADATA = "{\"mon\": {}, \"mgr\": {}, \"mds\": {}, \"osd\": []}";

    @Test
    void osdBodyThatIsNotAnObject() {
        SourcePayloads payloads = Payloads.withClusterStatus()
                .with("/nodes/{node}/ceph/osd", "[{\"id\": 0}]")
                .with("/cluster/ceph/metadata", METADATA)
                .build();
        assertMessage(() -> new OsdMapper().split(payloads),
                "endpoint lab, /nodes/{node}/ceph/osd: expected an object, got a list");
    }

    @Test
    void osdTreeWithoutRoot() {
        SourcePayloads payloads = Payloads.withClusterStatus()
                .with("/nodes/{node}/ceph/osd", "{\"flags\": \"\"}")
                .with("/cluster/ceph/metadata", METADATA)
                .build();
        assertMessage(() -> new OsdMapper().split(payloads), "field 'root' (the CRUSH tree) is missing");
    }

    @Test
    void osdWithoutId() {
        SourcePayloads payloads = Payloads.withClusterStatus()
                .with("/nodes/{node}/ceph/osd", """
                        {"root": {"children": [{"type": "host", "name": "pve1", "children": [
                          {"type": "osd", "name": "osd.7", "status": "up"}]}]}}""")
                .with("/cluster/ceph/metadata", METADATA)
                .build();
        assertMessage(() -> new OsdMapper().split(payloads), "(osd.7): field 'id' is missing");
        assertMessage(() -> new OsdMapper().map(object("{\"leaf\": {\"name\": \"osd.7\", \"type\": \"osd\"}}")),
                "osd item \"osd.7\": field 'id' is missing");
    }

    @Test
    void osdIdThatIsNotANumber() {
        assertMessage(() -> new OsdMapper().map(object("{\"leaf\": {\"id\": \"seven\", \"name\": \"osd.7\"}}")),
                "field 'id': expected a whole number, got the text \"seven\"");
        assertMessage(() -> new OsdMapper().map(object("{\"leaf\": {\"id\": -3, \"name\": \"pve1\"}}")),
                "an OSD id is a whole number >= 0, got -3");
    }

    @Test
    void osdTreeChildrenThatAreNotAList() {
        SourcePayloads payloads = Payloads.withClusterStatus()
                .with("/nodes/{node}/ceph/osd", "{\"root\": {\"children\": {\"type\": \"osd\"}}}")
                .with("/cluster/ceph/metadata", METADATA)
                .build();
        assertMessage(() -> new OsdMapper().split(payloads), "field 'children': expected a list, got an object");
    }

    @Test
    void osdUsageOfTheWrongKind() {
        assertMessage(() -> new OsdMapper().map(object("{\"leaf\": {\"id\": 1, \"bytes_used\": [1]}}")),
                "osd.1: field 'bytes_used': expected a whole number, got a list");
    }

    @Test
    void poolListThatIsAnObject() {
        SourcePayloads payloads = Payloads.withClusterStatus().with("/nodes/{node}/ceph/pool", "{\"pool\": 1}").build();
        assertMessage(() -> new PoolMapper().split(payloads),
                "endpoint lab, /nodes/{node}/ceph/pool: expected a list, got an object");
    }

    @Test
    void poolListEntryThatIsNotAnObject() {
        SourcePayloads payloads = Payloads.withClusterStatus()
                .with("/nodes/{node}/ceph/pool", "[{\"pool_name\": \"a\"}, 3]").build();
        assertMessage(() -> new PoolMapper().split(payloads), "/nodes/{node}/ceph/pool entry #1: expected an object, got the number 3");
    }

    @Test
    void poolFieldOfTheWrongKind() {
        assertMessage(() -> new PoolMapper().map(object("{\"pool_name\": \"vm-pool\", \"size\": \"three\"}")),
                "pool vm-pool: field 'size': expected a whole number, got the text \"three\"");
        assertMessage(() -> new PoolMapper().map(object("{\"pool_name\": \"vm-pool\", \"application_metadata\": [\"rbd\"]}")),
                "pool vm-pool: field 'application_metadata': expected an object, got a list");
        assertMessage(() -> new PoolMapper().map(object("{\"pool\": 2}")), "pool item: field 'pool_name' is missing");
    }

    @Test
    void aPathThatWasNotRead() {
        SourcePayloads payloads = Payloads.withClusterStatus().build();
        assertMessage(() -> new FlagMapper().split(payloads), "lab: nothing was read from /cluster/ceph/flags");
    }

    @Test
    void daemonEntryWithoutName() {
        SourcePayloads payloads = Payloads.withClusterStatus()
                .with("/nodes/{node}/ceph/mon", "[{\"host\": \"pve1\", \"state\": \"running\"}]")
                .with("/nodes/{node}/ceph/mgr", "[]")
                .with("/nodes/{node}/ceph/mds", "[]")
                .with("/cluster/ceph/metadata", METADATA)
                .build();
        assertMessage(() -> new DaemonMapper().split(payloads), "/nodes/{node}/ceph/mon entry #0: field 'name' is missing");
    }

    @Test
    void daemonMetadataThatIsNotAnObject() {
        SourcePayloads payloads = Payloads.withClusterStatus()
                .with("/nodes/{node}/ceph/mon", "[]")
                .with("/nodes/{node}/ceph/mgr", "[]")
                .with("/nodes/{node}/ceph/mds", "[]")
                .with("/cluster/ceph/metadata", "\"oops\"")
                .build();
        assertMessage(() -> new DaemonMapper().split(payloads),
                "/cluster/ceph/metadata: expected an object, got the text \"oops\"");
    }

    @Test
    void crushMapThatIsNotText() {
        SourcePayloads payloads = Payloads.withClusterStatus()
                .with("/nodes/{node}/ceph/rules", "[{\"name\": \"replicated_rule\"}]")
                .with("/nodes/{node}/ceph/crush", "{\"rules\": []}")
                .build();
        assertMessage(() -> new CrushRuleMapper().split(payloads),
                "/nodes/{node}/ceph/crush: expected the decompiled CRUSH map as text, got an object");
    }

    @Test
    void healthChecksThatAreAList() {
        SourcePayloads payloads = Payloads.withClusterStatus()
                .with("/cluster/ceph/status", "{\"health\": {\"status\": \"HEALTH_WARN\", \"checks\": [\"MON_DOWN\"]}}")
                .build();
        assertMessage(() -> new StatusMapper().split(payloads), "health: field 'checks': expected an object, got a list");
    }

    @Test
    void statusItemOfAnUnknownKind() {
        assertMessage(() -> new StatusMapper().map(object("{\"kind\": \"pool\", \"name\": \"x\"}")),
                "status item: unknown kind 'pool', expected 'cluster' or 'health_check'");
    }

    @Test
    void flagValueThatIsNotABoolean() {
        assertMessage(() -> new FlagMapper().map(object("{\"name\": \"noout\", \"value\": \"maybe\"}")),
                "flag noout: field 'value': expected a boolean, got the text \"maybe\"");
    }

    @Test
    void filesystemDataPoolsThatAreNotAList() {
        assertMessage(() -> new FilesystemMapper().map(object("{\"name\": \"cephfs\", \"data_pools\": \"cephfs_data\"}")),
                "filesystem cephfs: field 'data_pools': expected a list, got the text \"cephfs_data\"");
        assertMessage(() -> new FilesystemMapper().map(object("{\"name\": \"cephfs\", \"data_pools\": [{\"a\": 1}]}")),
                "filesystem cephfs: field 'data_pools' entry #0: expected text, got an object");
    }

    @Test
    void clusterStatusOfTheWrongShape() {
        assertMessage(() -> ClusterStatus.nodeToAsk(FixtureScenario.parse("{\"type\": \"cluster\"}")),
                "/cluster/status: expected a list, got an object");
        assertMessage(() -> ClusterStatus.nodeToAsk(FixtureScenario.parse("""
                        [{"type": "cluster", "name": "c"}, {"type": "node", "name": "pve1", "online": 0, "local": 0}]""")),
                "/cluster/status: no node is marked local or online (1 nodes listed)");
        assertMessage(() -> ClusterStatus.clusterName(FixtureScenario.parse("[]")),
                "/cluster/status: no cluster entry and not exactly one node (0 nodes), cannot name the cluster");
    }

    private static JsonObject object(String json) {
        return FixtureScenario.parse(json).asJsonObject();
    }

    private static void assertMessage(Executable mapping, String expectedPart) {
        MappingException error = assertThrows(MappingException.class, mapping);
        assertTrue(error.getMessage().contains(expectedPart),
                "expected the message to contain <" + expectedPart + ">, was <" + error.getMessage() + ">");
    }
}
