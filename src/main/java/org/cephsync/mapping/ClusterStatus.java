package org.cephsync.mapping;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What PVE's {@code /cluster/status} list says about an endpoint: the cluster's name and the node to send
 * node-scoped requests to. Node-scoped Ceph paths answer cluster-wide, so one node is asked, never all.
 */
public final class ClusterStatus {

    /** The PVE path of the cluster status, read first for every resource: it names the cluster and the node to ask. */
    public static final String PATH = "/cluster/status";
    private static final String WHAT = PATH;

    private ClusterStatus() {
    }

    /**
     * The PVE cluster's name (the {@code type: "cluster"} entry); a standalone node, which has no such entry,
     * is named after itself.
     *
     * @throws MappingException when the list names neither a cluster nor a single (or local) node
     */
    public static String clusterName(JsonValue clusterStatus) {
        List<JsonObject> entries = entries(clusterStatus);
        Optional<String> cluster = entries.stream()
                .filter(entry -> "cluster".equals(type(entry)))
                .map(entry -> PveFields.of(entry, WHAT + " cluster entry").string("name"))
                .filter(name -> name != null && !name.isBlank())
                .findFirst();
        if (cluster.isPresent()) {
            return cluster.get();
        }
        List<JsonObject> nodes = nodes(entries);
        if (nodes.size() == 1) {
            return nodeName(nodes.get(0));
        }
        return localNode(nodes).map(ClusterStatus::nodeName).orElseThrow(() -> new MappingException(
                WHAT + ": no cluster entry and not exactly one node (" + nodes.size() + " nodes), cannot name the cluster"));
    }

    /**
     * The node to ask: the one marked {@code local}, else the first online node by name.
     *
     * @throws MappingException when no node is local or online
     */
    public static String nodeToAsk(JsonValue clusterStatus) {
        List<JsonObject> nodes = nodes(entries(clusterStatus));
        return localNode(nodes)
                .or(() -> nodes.stream()
                        .filter(node -> Boolean.TRUE.equals(PveFields.of(node, label(node)).booleanValue("online")))
                        .min(Comparator.comparing(ClusterStatus::nodeName)))
                .map(ClusterStatus::nodeName)
                .orElseThrow(() -> new MappingException(
                        WHAT + ": no node is marked local or online (" + nodes.size() + " nodes listed)"));
    }

    private static List<JsonObject> entries(JsonValue clusterStatus) {
        JsonArray list = PveValues.asArray(clusterStatus, WHAT);
        List<JsonObject> entries = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            entries.add(PveValues.asObject(list.get(i), WHAT + " entry #" + i));
        }
        return entries;
    }

    private static List<JsonObject> nodes(List<JsonObject> entries) {
        return entries.stream().filter(entry -> "node".equals(type(entry))).toList();
    }

    private static Optional<JsonObject> localNode(List<JsonObject> nodes) {
        return nodes.stream()
                .filter(node -> Boolean.TRUE.equals(PveFields.of(node, label(node)).booleanValue("local")))
                .findFirst();
    }

    private static String type(JsonObject entry) {
        return PveFields.of(entry, WHAT + " entry").string("type");
    }

    private static String nodeName(JsonObject node) {
        return PveFields.of(node, label(node)).requiredString("name");
    }

    private static String label(JsonObject node) {
        return WHAT + " node " + node.getOrDefault("name", node.getOrDefault("id", JsonValue.NULL));
    }
}
