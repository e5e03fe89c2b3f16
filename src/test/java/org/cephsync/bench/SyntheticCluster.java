package org.cephsync.bench;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonGenerator;
import java.io.IOException;
import java.io.StringReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Writes a synthetic snapshot folder (the layout the {@code snapshot} source reads, DESIGN §3) by scaling up a
 * real fixture scenario: every generated object is a copy of a real one from the fixture with its identity
 * (id, name, host, addresses) and a few figures (used bytes, pgs, latencies) changed. Deterministic: the same
 * options give byte-identical files, so syncing a regenerated folder must write nothing.
 *
 * <pre>
 *   java -cp target/test-classes:&lt;test classpath&gt; org.cephsync.bench.SyntheticCluster \
 *        --fixture src/test/resources/fixtures/pve8-reef-18.2.7/healthy --out target/bench/base \
 *        [--osds 10000] [--pools 1000] [--daemons 100] [--hosts 250] [--rules 16] [--down 0]
 * </pre>
 *
 * {@code --down K} is the "changed" variant: K OSDs spread over the cluster are down (their tree leaves say
 * {@code status: down, pgs: 0}, as the degraded fixture's down OSD does), the cluster status counts them and
 * reports an {@code OSD_DOWN} health check listing them. Everything else is identical to {@code --down 0}.
 *
 * Only the PVE paths the sync reads are written: {@code /cluster/status}, {@code /cluster/ceph/{status,metadata,
 * flags}}, {@code /nodes/<local node>/ceph/{osd,pool,mon,mgr,mds,fs,rules,crush}}. A one-line JSON summary of
 * the counts is printed and kept beside the endpoint folder as {@code synthetic.json}.
 *
 * Not a test (no JUnit, not run by {@code mvn verify}): scripts/benchmark.sh runs it with the test classpath.
 */
public final class SyntheticCluster {

    /** Looked up once: {@code Json.createXxx} looks the provider up on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    /** What to generate. */
    record Options(Path fixture, Path out, int osds, int pools, int daemons, int hosts, int rules, int down) {
    }

    /** The counts written, as the sync should fetch them. */
    record Summary(String endpoint, int hosts, int osds, int pools, int mons, int mgrs, int mds, int rules,
                   int flags, int filesystems, int healthChecks, int down, long bytes) {

        String toJson() {
            return JSON.createObjectBuilder()
                    .add("endpoint", endpoint).add("hosts", hosts).add("osds", osds).add("pools", pools)
                    .add("daemons", mons + mgrs + mds).add("mons", mons).add("mgrs", mgrs).add("mds", mds)
                    .add("rules", rules).add("flags", flags).add("filesystems", filesystems)
                    .add("health_checks", healthChecks).add("down_osds", down).add("bytes", bytes)
                    .build().toString();
        }
    }

    private final Options options;
    private final JsonObject endpoint;
    private final String endpointName;
    private final Path fixtureEndpoint;
    private final String localNode;
    private final List<String> hosts = new ArrayList<>();
    private final List<String> ruleNames = new ArrayList<>();
    private final List<Integer> replicatedRules = new ArrayList<>();
    private final TreeSet<Integer> downOsds = new TreeSet<>();
    private final int mons;
    private final int mgrs;
    private final int mdss;
    private long bytes;

    private SyntheticCluster(Options options) throws IOException {
        this.options = options;
        JsonArray endpoints = read(options.fixture().resolve("endpoints.json")).asJsonArray();
        this.endpoint = endpoints.getJsonObject(0);
        this.endpointName = endpoint.getString("name");
        this.fixtureEndpoint = options.fixture().resolve(endpointName);
        this.localNode = localNode(data("cluster/status").asJsonArray());
        // the local node (whose folder holds the node-scoped lists) is the first host, the others follow it
        hosts.add(localNode);
        String prefix = localNode.replaceAll("\\d+$", "");
        for (int i = 2; hosts.size() < options.hosts(); i++) {
            String name = prefix + i;
            if (!name.equals(localNode)) {
                hosts.add(name);
            }
        }
        // ~1/3 each: 100 daemons = 34 mons, 33 mgrs, 33 mds
        this.mgrs = options.daemons() / 3;
        this.mdss = options.daemons() / 3;
        this.mons = options.daemons() - mgrs - mdss;
        for (int j = 0; j < options.down(); j++) {
            downOsds.add((int) ((long) j * options.osds() / options.down() + options.osds() / options.down() / 2));
        }
    }

    public static void main(String[] args) throws IOException {
        Options options = parse(args);
        long started = System.nanoTime();
        Summary summary = new SyntheticCluster(options).write();
        Files.writeString(options.out().resolve("synthetic.json"), summary.toJson() + "\n", StandardCharsets.UTF_8);
        System.out.println(summary.toJson());
        System.err.printf(Locale.ROOT, "generated %s in %.1f s%n", options.out(), (System.nanoTime() - started) / 1e9);
    }

    static Options parse(String[] args) {
        Path fixture = Path.of("src/test/resources/fixtures/pve8-reef-18.2.7/healthy");
        Path out = null;
        int osds = 10_000;
        int pools = 1_000;
        int daemons = 100;
        int hosts = 250;
        int rules = 16;
        int down = 0;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--fixture" -> fixture = Path.of(value);
                case "--out" -> out = Path.of(value);
                case "--osds" -> osds = Integer.parseInt(value);
                case "--pools" -> pools = Integer.parseInt(value);
                case "--daemons" -> daemons = Integer.parseInt(value);
                case "--hosts" -> hosts = Integer.parseInt(value);
                case "--rules" -> rules = Integer.parseInt(value);
                case "--down" -> down = Integer.parseInt(value);
                default -> throw new IllegalArgumentException("unknown option " + args[i] + "; options: --fixture DIR --out DIR"
                        + " --osds N --pools P --daemons D --hosts H --rules R --down K");
            }
            i++;
        }
        if (out == null) {
            throw new IllegalArgumentException("--out DIR is required");
        }
        if (osds < 1 || hosts < 1 || pools < 0 || daemons < 3 || rules < 0 || down < 0 || down > osds) {
            throw new IllegalArgumentException("need osds >= 1, hosts >= 1, daemons >= 3, 0 <= down <= osds");
        }
        return new Options(fixture, out, osds, pools, daemons, hosts, rules, down);
    }

    private Summary write() throws IOException {
        Files.createDirectories(options.out());
        writeJson(options.out().resolve("endpoints.json"), JSON.createArrayBuilder().add(endpoint).build());
        JsonArray rules = rules();
        write("cluster/status", clusterStatus());
        write("nodes/" + localNode + "/ceph/osd", osdTree());
        write("cluster/ceph/metadata", metadata());
        write("nodes/" + localNode + "/ceph/mon", daemonList("mon", mons));
        write("nodes/" + localNode + "/ceph/mgr", daemonList("mgr", mgrs));
        write("nodes/" + localNode + "/ceph/mds", daemonList("mds", mdss));
        write("nodes/" + localNode + "/ceph/rules", rules);
        write("nodes/" + localNode + "/ceph/crush", JSON.createValue(crushMap()));
        write("nodes/" + localNode + "/ceph/pool", pools());
        JsonArray filesystems = data("nodes/" + localNode + "/ceph/fs").asJsonArray();
        write("nodes/" + localNode + "/ceph/fs", filesystems);
        JsonArray flags = data("cluster/ceph/flags").asJsonArray();
        write("cluster/ceph/flags", flags);
        JsonObject status = cephStatus();
        write("cluster/ceph/status", status);
        JsonObject checks = status.getJsonObject("health").getJsonObject("checks");
        return new Summary(endpointName, hosts.size(), options.osds(), options.pools(), mons, mgrs, mdss,
                rules.size(), flags.size(), filesystems.size(), checks == null ? 0 : checks.size(), downOsds.size(), bytes);
    }

    // ---- /cluster/status: the cluster entry and one node entry per host, the first one local

    private JsonArray clusterStatus() throws IOException {
        JsonArray real = data("cluster/status").asJsonArray();
        JsonObject cluster = null;
        JsonObject node = null;
        for (JsonValue v : real) {
            JsonObject entry = v.asJsonObject();
            if ("cluster".equals(entry.getString("type", "")) && cluster == null) {
                cluster = entry;
            } else if ("node".equals(entry.getString("type", "")) && (node == null || entry.getString("name").equals(localNode))) {
                node = entry;
            }
        }
        JsonArrayBuilder list = JSON.createArrayBuilder();
        if (cluster != null) {
            list.add(JSON.createObjectBuilder(cluster).add("nodes", hosts.size()));
        }
        for (int h = 0; h < hosts.size(); h++) {
            list.add(JSON.createObjectBuilder(node)
                    .add("id", "node/" + hosts.get(h))
                    .add("name", hosts.get(h))
                    .add("ip", ip(h))
                    .add("nodeid", h + 1)
                    .add("online", 1)
                    .add("local", h == 0 ? 1 : 0));
        }
        return list.build();
    }

    private static String localNode(JsonArray clusterStatus) {
        String first = null;
        for (JsonValue v : clusterStatus) {
            JsonObject entry = v.asJsonObject();
            if (!"node".equals(entry.getString("type", ""))) {
                continue;
            }
            JsonValue local = entry.get("local");
            if (local != null && ("1".equals(text(local)) || JsonValue.TRUE.equals(local))) {
                return entry.getString("name");
            }
            first = first == null ? entry.getString("name") : first;
        }
        if (first == null) {
            throw new IllegalStateException("the fixture's /cluster/status lists no node");
        }
        return first;
    }

    // ---- /nodes/{node}/ceph/osd: root > host buckets > osd leaves, copies of a real host and a real leaf

    private JsonObject osdTree() throws IOException {
        JsonObject top = data("nodes/" + localNode + "/ceph/osd").asJsonObject();
        JsonObject outer = top.getJsonObject("root");
        JsonObject root = firstOfType(outer, "root");
        JsonObject host = firstOfType(outer, "host");
        JsonObject leaf = firstOfType(outer, "osd");
        if (root == null || host == null || leaf == null) {
            throw new IllegalStateException("the fixture's OSD tree lacks a root, host or osd node");
        }
        int perHost = (options.osds() + hosts.size() - 1) / hosts.size();
        JsonArrayBuilder hostNodes = JSON.createArrayBuilder();
        for (int h = 0; h < hosts.size(); h++) {
            JsonArrayBuilder leaves = JSON.createArrayBuilder();
            for (int id = h * perHost; id < Math.min(options.osds(), (h + 1) * perHost); id++) {
                leaves.add(osdLeaf(leaf, id, h, id - h * perHost));
            }
            hostNodes.add(JSON.createObjectBuilder(host)
                    .add("id", sameType(host.get("id"), -3 - 2L * h))
                    .add("name", hosts.get(h))
                    .add("children", leaves));
        }
        JsonObjectBuilder rootNode = JSON.createObjectBuilder(root).add("children", hostNodes);
        JsonObjectBuilder outerNode = JSON.createObjectBuilder(outer).add("children", JSON.createArrayBuilder().add(rootNode));
        return JSON.createObjectBuilder(top).add("root", outerNode).build();
    }

    private JsonObject osdLeaf(JsonObject real, int id, int h, int slot) {
        boolean down = downOsds.contains(id);
        long total = real.getJsonNumber("total_space") == null ? 34_359_738_368L : real.getJsonNumber("total_space").longValue();
        long used = (long) (total * (0.02 + 0.6 * fraction(id, 1)));
        JsonObjectBuilder osd = JSON.createObjectBuilder(real)
                .add("id", sameType(real.get("id"), id))
                .add("name", "osd." + id)
                .add("host", hosts.get(h))
                .add("bytes_used", used)
                .add("percent_used", used * 100.0 / total)
                .add("pgs", down ? 0 : 100 + (int) (200 * fraction(id, 2)))
                .add("status", down ? "down" : "up");
        if (real.containsKey("apply_latency_ms")) {
            int latency = 1 + (int) (60 * fraction(id, 3));
            osd.add("apply_latency_ms", latency).add("commit_latency_ms", latency);
        }
        if (real.get("blfsdev") instanceof JsonString) {
            osd.add("blfsdev", "/dev/sd" + (char) ('a' + slot % 26) + (slot >= 26 ? String.valueOf(slot / 26) : ""));
        }
        return osd.build();
    }

    private static JsonObject firstOfType(JsonObject node, String type) {
        if (type.equals(node.getString("type", null))) {
            return node;
        }
        JsonArray children = node.getJsonArray("children");
        if (children != null) {
            for (JsonValue child : children) {
                JsonObject found = firstOfType(child.asJsonObject(), type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    // ---- /cluster/ceph/metadata: {node, mon, mgr, mds, osd}, copies of the real entries

    private JsonObject metadata() throws IOException {
        JsonObject real = data("cluster/ceph/metadata").asJsonObject();
        JsonObjectBuilder metadata = JSON.createObjectBuilder(real);
        JsonObject nodes = real.getJsonObject("node");
        if (nodes != null && !nodes.isEmpty()) {
            JsonObject template = nodes.values().iterator().next().asJsonObject();
            JsonObjectBuilder out = JSON.createObjectBuilder();
            hosts.forEach(h -> out.add(h, template));
            metadata.add("node", out);
        }
        metadata.add("mon", daemonMetadata(real.getJsonObject("mon"), "mon", mons));
        metadata.add("mgr", daemonMetadata(real.getJsonObject("mgr"), "mgr", mgrs));
        metadata.add("mds", daemonMetadata(real.getJsonObject("mds"), "mds", mdss));
        JsonArray osds = real.getJsonArray("osd");
        JsonObject template = osds.getJsonObject(0);
        String realHost = template.getString("hostname", "");
        String realIp = "127.0.0.1";
        int perHost = (options.osds() + hosts.size() - 1) / hosts.size();
        JsonArrayBuilder out = JSON.createArrayBuilder();
        for (int id = 0; id < options.osds(); id++) {
            int h = id / perHost;
            JsonObjectBuilder entry = JSON.createObjectBuilder();
            for (Map.Entry<String, JsonValue> field : template.entrySet()) {
                JsonValue value = field.getValue();
                if (value instanceof JsonString s) {
                    String text = s.getString().replace(realIp, ip(h));
                    if (!realHost.isEmpty() && text.equals(realHost)) {
                        text = hosts.get(h);
                    }
                    entry.add(field.getKey(), text);
                } else {
                    entry.add(field.getKey(), value);
                }
            }
            entry.add("id", sameType(template.get("id"), id));
            if (template.containsKey("osd_data")) {
                entry.add("osd_data", "/var/lib/ceph/osd/ceph-" + id);
            }
            out.add(entry);
        }
        metadata.add("osd", out);
        return metadata.build();
    }

    private JsonObject daemonMetadata(JsonObject real, String type, int count) {
        JsonObjectBuilder out = JSON.createObjectBuilder();
        if (real == null || real.isEmpty()) {
            return out.build();
        }
        JsonObject template = real.values().iterator().next().asJsonObject();
        for (int i = 0; i < count; i++) {
            int h = daemonHost(type, i, count);
            String id = daemonName(i, h, count);
            JsonObjectBuilder entry = JSON.createObjectBuilder(template).add("name", id).add("hostname", hosts.get(h));
            for (String address : List.of("addr", "addrs")) {
                if (template.get(address) instanceof JsonString s) {
                    entry.add(address, s.getString().replace("127.0.0.1", ip(h)));
                }
            }
            out.add(id + "@" + hosts.get(h), entry);
        }
        return out.build();
    }

    // ---- /nodes/{node}/ceph/{mon,mgr,mds}: one entry per daemon, spread over the hosts

    private JsonArray daemonList(String type, int count) throws IOException {
        JsonArray real = data("nodes/" + localNode + "/ceph/" + type).asJsonArray();
        JsonObject active = null;
        JsonObject standby = null;
        for (JsonValue v : real) {
            JsonObject entry = v.asJsonObject();
            String state = entry.getString("state", "");
            if (state.contains("active") && active == null) {
                active = entry;
            } else if (standby == null) {
                standby = entry;
            }
        }
        active = active == null ? standby : active;
        standby = standby == null ? active : standby;
        JsonArrayBuilder list = JSON.createArrayBuilder();
        for (int i = 0; i < count; i++) {
            int h = daemonHost(type, i, count);
            // mons all run; one mgr and one mds are active, the others stand by
            JsonObject template = "mon".equals(type) || i == 0 ? active : standby;
            JsonObjectBuilder entry = JSON.createObjectBuilder(template)
                    .add("name", daemonName(i, h, count))
                    .add("host", hosts.get(h));
            if (template.get("addr") instanceof JsonString s) {
                entry.add("addr", s.getString().replace("127.0.0.1", ip(h)));
            }
            if (template.containsKey("rank") && "mon".equals(type)) {
                entry.add("rank", i);
            }
            list.add(entry);
        }
        return list.build();
    }

    private int daemonHost(String type, int i, int count) {
        int offset = switch (type) {
            case "mgr" -> 1;
            case "mds" -> 2;
            default -> 0;
        };
        return (int) (((long) i * hosts.size() / count + offset) % hosts.size());
    }

    /** Daemons are named after their host, as pveceph names them; a second one of a type on a host gets a suffix. */
    /** Named after its host, as PVE names them; with more daemons of a type than hosts, numbered too (names are unique). */
    private String daemonName(int i, int h, int count) {
        return count <= hosts.size() ? hosts.get(h) : hosts.get(h) + "-" + i;
    }

    // ---- CRUSH: the real rules, then replicated rules by device class; the map text rebuilt around them

    private JsonArray rules() throws IOException {
        JsonArray real = data("nodes/" + localNode + "/ceph/rules").asJsonArray();
        JsonArrayBuilder list = JSON.createArrayBuilder();
        for (int i = 0; i < options.rules(); i++) {
            String name = i < real.size() ? real.getJsonObject(i).getString("name") : syntheticRuleName(i);
            ruleNames.add(name);
            list.add(i < real.size() ? real.getJsonObject(i) : JSON.createObjectBuilder(real.getJsonObject(0)).add("name", name).build());
        }
        return list.build();
    }

    private static String syntheticRuleName(int i) {
        return "replicated_" + List.of("hdd", "ssd", "nvme").get(i % 3) + "_" + i;
    }

    private String crushMap() throws IOException {
        String real = ((JsonString) data("nodes/" + localNode + "/ceph/crush")).getString();
        StringBuilder map = new StringBuilder("# begin crush map\n");
        for (String line : real.split("\n")) {
            if (line.startsWith("tunable ")) {
                map.append(line).append('\n');
            }
        }
        map.append("\n# devices\n");
        for (int id = 0; id < options.osds(); id++) {
            map.append("device ").append(id).append(" osd.").append(id).append(" class hdd\n");
        }
        map.append("\n# types\n");
        for (String line : real.split("\n")) {
            if (line.matches("type \\d+ \\S+")) {
                map.append(line).append('\n');
            }
        }
        map.append("\n# buckets\n");
        int perHost = (options.osds() + hosts.size() - 1) / hosts.size();
        for (int h = 0; h < hosts.size(); h++) {
            int first = h * perHost;
            int last = Math.min(options.osds(), first + perHost);
            map.append("host ").append(hosts.get(h)).append(" {\n")
                    .append("\tid ").append(-3 - 2 * h).append("\t\t# do not change unnecessarily\n")
                    .append("\tid ").append(-4 - 2 * h).append(" class hdd\t\t# do not change unnecessarily\n")
                    .append(String.format(Locale.ROOT, "\t# weight %.5f%n", 0.03119 * (last - first)))
                    .append("\talg straw2\n\thash 0\t# rjenkins1\n");
            for (int id = first; id < last; id++) {
                map.append("\titem osd.").append(id).append(" weight 0.03119\n");
            }
            map.append("}\n");
        }
        map.append("root default {\n\tid -1\t\t# do not change unnecessarily\n\tid -2 class hdd\t\t# do not change unnecessarily\n")
                .append(String.format(Locale.ROOT, "\t# weight %.5f%n", 0.03119 * options.osds()))
                .append("\talg straw2\n\thash 0\t# rjenkins1\n");
        for (int h = 0; h < hosts.size(); h++) {
            int count = Math.max(0, Math.min(options.osds(), (h + 1) * perHost) - h * perHost);
            map.append(String.format(Locale.ROOT, "\titem %s weight %.5f%n", hosts.get(h), 0.03119 * count));
        }
        map.append("}\n\n# rules\n");
        Map<String, String> realRules = realRuleBlocks(real);
        for (int i = 0; i < ruleNames.size(); i++) {
            String name = ruleNames.get(i);
            String block = realRules.get(name);
            if (block != null) {
                map.append(block).append('\n');
                if (!block.contains("type erasure")) {
                    replicatedRules.add(i);
                }
                continue;
            }
            String deviceClass = name.split("_")[1];
            map.append("rule ").append(name).append(" {\n\tid ").append(i).append("\n\ttype replicated\n")
                    .append("\tstep take default class ").append(deviceClass).append('\n')
                    .append("\tstep chooseleaf firstn 0 type host\n\tstep emit\n}\n");
            replicatedRules.add(i);
        }
        map.append("\n# end crush map\n");
        return map.toString();
    }

    /** The real map's rule blocks, by name, verbatim. */
    private static Map<String, String> realRuleBlocks(String map) {
        Map<String, String> blocks = new LinkedHashMap<>();
        String[] lines = map.split("\n");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].startsWith("rule ")) {
                String name = lines[i].substring(5).replace("{", "").strip();
                StringBuilder block = new StringBuilder();
                int j = i;
                for (; j < lines.length; j++) {
                    block.append(lines[j]).append('\n');
                    if (lines[j].startsWith("}")) {
                        break;
                    }
                }
                blocks.putIfAbsent(name, block.toString().stripTrailing());
                i = j;
            }
        }
        return blocks;
    }

    // ---- /nodes/{node}/ceph/pool: the real pools, then copies of them with new names and ids

    private JsonArray pools() throws IOException {
        JsonArray real = data("nodes/" + localNode + "/ceph/pool").asJsonArray();
        JsonArrayBuilder list = JSON.createArrayBuilder();
        int maxRealId = 0;
        for (JsonValue v : real) {
            maxRealId = Math.max(maxRealId, Integer.parseInt(text(v.asJsonObject().get("pool"))));
        }
        for (int i = 0; i < options.pools(); i++) {
            JsonObject template = real.getJsonObject(i % real.size());
            if (i < real.size()) {
                list.add(template);
                continue;
            }
            int id = maxRealId + 1 + (i - real.size());
            String name = String.format(Locale.ROOT, "%s-%04d", template.getString("pool_name").replaceFirst("^\\.", ""), i);
            JsonObjectBuilder pool = JSON.createObjectBuilder(template)
                    .add("pool", sameType(template.get("pool"), id))
                    .add("pool_name", name);
            String templateRule = template.getString("crush_rule_name", "");
            int ruleIndex = ruleNames.indexOf(templateRule);
            boolean erasure = "erasure".equals(template.getString("type", ""));
            if (!erasure && !replicatedRules.isEmpty()) {
                ruleIndex = replicatedRules.get(i % replicatedRules.size());
            }
            if (ruleIndex >= 0) {
                pool.add("crush_rule", sameType(template.get("crush_rule"), ruleIndex))
                        .add("crush_rule_name", ruleNames.get(ruleIndex));
            }
            double fraction = 0.0001 + 0.05 * fraction(id, 4);
            long used = (long) (fraction * 137_438_953_472L * options.osds() / 4);
            pool.add("bytes_used", used).add("percent_used", fraction);
            JsonObject autoscale = template.getJsonObject("autoscale_status");
            if (autoscale != null) {
                pool.add("autoscale_status", JSON.createObjectBuilder(autoscale).add("pool_id", id).add("pool_name", name));
            }
            list.add(pool);
        }
        return list.build();
    }

    // ---- /cluster/ceph/status: the real `ceph status` with the synthetic counts, monmap and health

    private JsonObject cephStatus() throws IOException {
        JsonObject real = data("cluster/ceph/status").asJsonObject();
        JsonObjectBuilder status = JSON.createObjectBuilder(real);
        JsonObject osdmap = real.getJsonObject("osdmap");
        if (osdmap != null) {
            JsonObjectBuilder map = JSON.createObjectBuilder(osdmap)
                    .add("num_osds", options.osds())
                    .add("num_up_osds", options.osds() - downOsds.size())
                    .add("num_in_osds", options.osds());
            if (!downOsds.isEmpty() && osdmap.getJsonNumber("epoch") != null) {
                map.add("epoch", osdmap.getJsonNumber("epoch").intValue() + 1);
            }
            status.add("osdmap", map);
        }
        JsonObject monmap = real.getJsonObject("monmap");
        JsonArrayBuilder quorum = JSON.createArrayBuilder();
        JsonArrayBuilder quorumNames = JSON.createArrayBuilder();
        JsonArrayBuilder monList = JSON.createArrayBuilder();
        JsonObject monTemplate = monmap == null || monmap.getJsonArray("mons") == null ? null : monmap.getJsonArray("mons").getJsonObject(0);
        for (int i = 0; i < mons; i++) {
            int h = daemonHost("mon", i, mons);
            String name = daemonName(i, h, mons);
            quorum.add(i);
            quorumNames.add(name);
            if (monTemplate != null) {
                JsonObject mon;
                try (JsonReader reader = JSON.createReader(new StringReader(monTemplate.toString().replace("127.0.0.1", ip(h))))) {
                    mon = reader.readObject();
                }
                monList.add(JSON.createObjectBuilder(mon).add("name", name).add("rank", i));
            }
        }
        JsonArray quorumArray = quorum.build();
        status.add("quorum", quorumArray).add("quorum_names", quorumNames);
        if (monmap != null) {
            status.add("monmap", JSON.createObjectBuilder(monmap).add("mons", monList).add("quorum", quorumArray));
        }
        JsonObject pgmap = real.getJsonObject("pgmap");
        if (pgmap != null) {
            status.add("pgmap", JSON.createObjectBuilder(pgmap).add("num_pools", options.pools()));
        }
        JsonObject fsmap = real.getJsonObject("fsmap");
        if (fsmap != null && fsmap.containsKey("up:standby")) {
            status.add("fsmap", JSON.createObjectBuilder(fsmap).add("up:standby", Math.max(0, mdss - 1)));
        }
        if (!downOsds.isEmpty()) {
            JsonObject health = real.getJsonObject("health");
            JsonArrayBuilder detail = JSON.createArrayBuilder();
            int perHost = (options.osds() + hosts.size() - 1) / hosts.size();
            for (int id : downOsds) {
                detail.add(JSON.createObjectBuilder().add("message",
                        "osd." + id + " (root=default,host=" + hosts.get(id / perHost) + ") is down"));
            }
            JsonObjectBuilder checks = JSON.createObjectBuilder(health.getJsonObject("checks") == null
                    ? JsonValue.EMPTY_JSON_OBJECT : health.getJsonObject("checks"));
            checks.add("OSD_DOWN", JSON.createObjectBuilder()
                    .add("detail", detail)
                    .add("muted", false)
                    .add("severity", "HEALTH_WARN")
                    .add("summary", JSON.createObjectBuilder().add("count", downOsds.size())
                            .add("message", downOsds.size() + " osds down")));
            status.add("health", JSON.createObjectBuilder(health).add("status", "HEALTH_WARN").add("checks", checks));
        }
        return status.build();
    }

    // ---- helpers

    /** A host's address: 10.x.y.z, one per host (the fixture's daemons all ran on 127.0.0.1). */
    private static String ip(int h) {
        return "10.10." + (h / 250) + "." + (h % 250 + 1);
    }

    /** A stable pseudo-random fraction in [0, 1) for an object and a purpose. */
    private static double fraction(long id, int purpose) {
        long x = id * 0x9E3779B97F4A7C15L + purpose * 0xC2B2AE3D27D4EB4FL;
        x ^= x >>> 33;
        x *= 0xFF51AFD7ED558CCDL;
        x ^= x >>> 33;
        return (x >>> 11) / (double) (1L << 53);
    }

    /** {@code value} in the JSON type the real field had: PVE 7/8 send many numbers as strings. */
    private static JsonValue sameType(JsonValue real, long value) {
        return real instanceof JsonString ? JSON.createValue(Long.toString(value)) : JSON.createValue(value);
    }

    private static String text(JsonValue value) {
        return value instanceof JsonString s ? s.getString() : value instanceof JsonNumber n ? n.toString() : String.valueOf(value);
    }

    private JsonValue data(String pvePath) throws IOException {
        JsonValue body = read(fixtureEndpoint.resolve(pvePath + ".json"));
        return body.asJsonObject().get("data");
    }

    private static JsonValue read(Path file) throws IOException {
        try (JsonReader reader = JSON.createReader(Files.newBufferedReader(file, StandardCharsets.UTF_8))) {
            return reader.readValue();
        }
    }

    private void write(String pvePath, JsonValue data) throws IOException {
        Path file = options.out().resolve(endpointName).resolve(pvePath + ".json");
        Files.createDirectories(file.getParent());
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             JsonGenerator generator = JSON.createGenerator(writer)) {
            generator.writeStartObject().write("data", data).writeEnd();
        }
        bytes += Files.size(file);
    }

    private static void writeJson(Path file, JsonValue value) throws IOException {
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             JsonGenerator generator = JSON.createGenerator(writer)) {
            generator.write(value);
        }
    }
}
