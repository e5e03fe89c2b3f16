package org.cephsync.mapping;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.cephsync.resource.CephResource;

/**
 * One snapshot folder of the real fixtures, read the way the snapshot source reads it: the endpoint's
 * {@code /cluster/status} first, then every path of every resource with {@code {node}} replaced by the
 * node to ask, each body unwrapped from PVE's {@code {"data": ...}}. Also opens the raw {@code ceph ... -f json}
 * captures the scenario was shaped from, so tests can check the mapping against Ceph's own words.
 */
record FixtureScenario(String name, String endpoint, String node, SourcePayloads payloads, Path rawDir) {

    static final List<String> NAMES = List.of(
            "pve7-pacific-16.2.15/healthy",
            "pve7-pacific-16.2.15/degraded",
            "pve8-reef-18.2.7/healthy",
            "pve8-reef-18.2.7/degraded");

    private static final Map<String, FixtureScenario> LOADED = new ConcurrentHashMap<>();

    static Stream<String> names() {
        return NAMES.stream();
    }

    static FixtureScenario load(String name) {
        return LOADED.computeIfAbsent(name, FixtureScenario::read);
    }

    boolean degraded() {
        return name.endsWith("/degraded");
    }

    boolean pacific() {
        return name.contains("pacific");
    }

    /** A raw capture of this scenario, e.g. "ceph_osd_tree.json". */
    JsonValue raw(String file) {
        return parse(rawDir.resolve(file));
    }

    /** A raw text capture, e.g. "crushmap.txt". */
    String rawText(String file) {
        try {
            return Files.readString(rawDir.resolve(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    JsonValue body(String pathTemplate) {
        return payloads.get(pathTemplate);
    }

    private static FixtureScenario read(String name) {
        Path scenario = fixtures().resolve(name);
        String endpoint = parse(scenario.resolve("endpoints.json")).asJsonArray().getJsonObject(0).getString("name");
        Path endpointDir = scenario.resolve(endpoint);
        JsonValue clusterStatus = unwrapped(endpointDir, CephResource.CLUSTER_STATUS);
        String node = ClusterStatus.nodeToAsk(clusterStatus);
        Map<String, JsonValue> bodies = new LinkedHashMap<>();
        bodies.put(CephResource.CLUSTER_STATUS, clusterStatus);
        for (CephResource resource : CephResource.values()) {
            for (String path : resource.paths()) {
                bodies.computeIfAbsent(path, template -> unwrapped(endpointDir, template.replace("{node}", node)));
            }
        }
        // "pve7-pacific-16.2.15/degraded" was shaped from raw/pacific-16.2.15/degraded
        Path raw = fixtures().resolve("raw").resolve(name.replaceFirst("^pve\\d+-", ""));
        return new FixtureScenario(name, endpoint, node, new SourcePayloads(endpoint, Map.copyOf(bodies)), raw);
    }

    private static JsonValue unwrapped(Path endpointDir, String path) {
        JsonObject wrapped = parse(endpointDir.resolve(path.substring(1) + ".json")).asJsonObject();
        return wrapped.get("data");
    }

    static Path fixtures() {
        try {
            return Path.of(FixtureScenario.class.getResource("/fixtures").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonValue parse(Path file) {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8); JsonReader reader = Json.createReader(in)) {
            return reader.readValue();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonValue parse(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return reader.readValue();
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
