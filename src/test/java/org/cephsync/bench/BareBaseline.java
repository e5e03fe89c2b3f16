package org.cephsync.bench;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * The floor the benchmark compares a sync with: the same snapshot read by a bare program on the same machine,
 * no application server and no framework. JSON-P parses every file of the snapshot's endpoints; the rows are the
 * inventory's items (an OSD = its CRUSH tree leaf joined with its metadata entry; a pool, a daemon, a CRUSH rule,
 * a flag, each as the JSON the source gave), stored with plain JDBC batch inserts into an H2 file database.
 *
 * <ul>
 *   <li>{@code parse_insert}: parse, then insert every row (key, content, content hash) into an empty database;</li>
 *   <li>{@code parse_hash_compare}: parse, hash every row, read the stored (key, hash) pairs, compare: what a
 *   resync that changes nothing cannot avoid.</li>
 * </ul>
 * Each is run {@code --rounds} times after a warm-up round and the best is written to {@code --out} as one JSON line.
 *
 * <pre>
 *   java -cp target/test-classes:&lt;test classpath&gt; org.cephsync.bench.BareBaseline --snapshot DIR --work DIR --out FILE [--rounds 3]
 * </pre>
 * Not a test (no JUnit): scripts/benchmark.sh runs it in the same invocation as the syncs.
 */
public final class BareBaseline {

    private static final Logger LOG = Logger.getLogger(BareBaseline.class.getName());
    private static final JsonProvider JSON = JsonProvider.provider();
    private static final int BATCH = 1000;

    private record Row(String model, String key, String content) {
    }

    private BareBaseline() {
    }

    public static void main(String[] args) throws Exception {
        Path snapshot = null;
        Path work = null;
        Path out = null;
        int rounds = 3;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--snapshot" -> snapshot = Path.of(args[i + 1]);
                case "--work" -> work = Path.of(args[i + 1]);
                case "--out" -> out = Path.of(args[i + 1]);
                case "--rounds" -> rounds = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (snapshot == null || work == null || out == null) {
            throw new IllegalArgumentException("usage: --snapshot DIR --work DIR --out FILE [--rounds N]");
        }
        Files.createDirectories(work);
        double insert = Double.MAX_VALUE;
        double compare = Double.MAX_VALUE;
        int rows = 0;
        for (int round = 0; round <= rounds; round++) {
            Path db = work.resolve("baseline-" + round);
            String url = "jdbc:h2:" + db.toAbsolutePath();
            long start = System.nanoTime();
            List<Row> parsed = parse(snapshot);
            try (Connection connection = DriverManager.getConnection(url, "", "")) {
                insert(connection, parsed);
            }
            double insertSeconds = (System.nanoTime() - start) / 1e9;
            start = System.nanoTime();
            int changed;
            try (Connection connection = DriverManager.getConnection(url, "", "")) {
                changed = compare(connection, parse(snapshot));
            }
            double compareSeconds = (System.nanoTime() - start) / 1e9;
            if (changed != 0) {
                throw new IllegalStateException(changed + " rows differ from what was just inserted");
            }
            Files.deleteIfExists(Path.of(db + ".mv.db"));
            if (round > 0) { // round 0 warms the JIT up
                insert = Math.min(insert, insertSeconds);
                compare = Math.min(compare, compareSeconds);
            }
            rows = parsed.size();
        }
        String figures = String.format(Locale.ROOT, "{\"rows\": %d, \"parse_insert_s\": %.3f, \"parse_hash_compare_s\": %.3f}",
                rows, insert, compare);
        Files.writeString(out, figures + "\n", StandardCharsets.UTF_8);
        LOG.info(() -> "bare baseline: " + figures);
    }

    /** Every endpoint folder of the snapshot (a folder with a cluster/ceph/metadata.json), as rows. */
    private static List<Row> parse(Path snapshot) throws IOException {
        List<Row> rows = new ArrayList<>();
        try (Stream<Path> endpoints = Files.list(snapshot)) {
            for (Path endpoint : endpoints.filter(p -> Files.isRegularFile(p.resolve("cluster/ceph/metadata.json"))).sorted().toList()) {
                rows.addAll(rowsOf(endpoint));
            }
        }
        return rows;
    }

    private static List<Row> rowsOf(Path endpoint) throws IOException {
        List<Row> rows = new ArrayList<>();
        String prefix = endpoint.getFileName() + "/";
        read(endpoint.resolve("cluster/status.json"));
        read(endpoint.resolve("cluster/ceph/status.json"));
        JsonObject metadata = read(endpoint.resolve("cluster/ceph/metadata.json")).asJsonObject();
        Map<String, JsonObject> osdMetadata = new HashMap<>();
        for (JsonValue osd : metadata.getJsonArray("osd")) {
            osdMetadata.put(id(osd.asJsonObject()), osd.asJsonObject());
        }
        for (String type : List.of("mon", "mgr", "mds")) {
            metadata.getJsonObject(type).forEach((name, value) -> rows.add(new Row("daemon", prefix + type + "/" + name, value.toString())));
        }
        for (JsonValue flag : read(endpoint.resolve("cluster/ceph/flags.json")).asJsonArray()) {
            rows.add(new Row("flag", prefix + flag.asJsonObject().getString("name"), flag.toString()));
        }
        try (Stream<Path> nodes = Files.list(endpoint.resolve("nodes"))) {
            for (Path node : nodes.sorted().toList()) {
                Path ceph = node.resolve("ceph");
                List<JsonObject> leaves = new ArrayList<>();
                osdLeaves(read(ceph.resolve("osd.json")).asJsonObject().getJsonObject("root"), leaves);
                for (JsonObject leaf : leaves) {
                    JsonObject joined = JSON.createObjectBuilder(leaf)
                            .add("metadata", osdMetadata.getOrDefault(id(leaf), JsonValue.EMPTY_JSON_OBJECT)).build();
                    rows.add(new Row("osd", prefix + id(leaf), joined.toString()));
                }
                for (JsonValue pool : read(ceph.resolve("pool.json")).asJsonArray()) {
                    rows.add(new Row("pool", prefix + pool.asJsonObject().getString("pool_name"), pool.toString()));
                }
                JsonArray rules = read(ceph.resolve("rules.json")).asJsonArray();
                for (JsonValue rule : rules) {
                    rows.add(new Row("rule", prefix + rule.asJsonObject().getString("name"), rule.toString()));
                }
                for (String other : List.of("mon.json", "mgr.json", "mds.json", "fs.json", "crush.json")) {
                    read(ceph.resolve(other));
                }
            }
        }
        return rows;
    }

    /** An OSD's id as text: the metadata gives it as a string, the tree as a number. */
    private static String id(JsonObject osd) {
        JsonValue id = osd.get("id");
        return id instanceof jakarta.json.JsonString text ? text.getString() : String.valueOf(id);
    }

    private static void osdLeaves(JsonObject node, List<JsonObject> leaves) {
        if ("osd".equals(node.getString("type", ""))) {
            leaves.add(node);
        }
        JsonArray children = node.getJsonArray("children");
        if (children != null) {
            for (JsonValue child : children) {
                osdLeaves(child.asJsonObject(), leaves);
            }
        }
    }

    /** A PVE body: the value under "data". */
    private static JsonValue read(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8); JsonReader json = JSON.createReader(reader)) {
            return json.readObject().get("data");
        }
    }

    private static void insert(Connection connection, List<Row> rows) throws SQLException {
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("CREATE TABLE item (model VARCHAR(16) NOT NULL, natural_key VARCHAR(255) NOT NULL, content CLOB,"
                    + " content_hash VARCHAR(64), PRIMARY KEY (model, natural_key))");
        }
        connection.setAutoCommit(false);
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO item VALUES (?, ?, ?, ?)")) {
            int n = 0;
            for (Row row : rows) {
                insert.setString(1, row.model());
                insert.setString(2, row.key());
                insert.setString(3, row.content());
                insert.setString(4, hash(row.content()));
                insert.addBatch();
                if (++n % BATCH == 0) {
                    insert.executeBatch();
                    connection.commit();
                }
            }
            insert.executeBatch();
            connection.commit();
        }
    }

    /** How many rows are new or differ from the stored ones. */
    private static int compare(Connection connection, List<Row> rows) throws SQLException {
        Map<String, String> stored = new HashMap<>();
        try (Statement select = connection.createStatement();
             ResultSet result = select.executeQuery("SELECT model, natural_key, content_hash FROM item")) {
            while (result.next()) {
                stored.put(result.getString(1) + "|" + result.getString(2), result.getString(3));
            }
        }
        int changed = 0;
        for (Row row : rows) {
            if (!hash(row.content()).equals(stored.get(row.model() + "|" + row.key()))) {
                changed++;
            }
        }
        return changed;
    }

    private static String hash(String content) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
