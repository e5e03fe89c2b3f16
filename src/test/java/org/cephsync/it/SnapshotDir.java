package org.cephsync.it;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A snapshot folder served by the stand-in, made of real fixture scenarios under endpoint names and ids
 * of the test's choosing (so every test run starts from endpoints the database has never seen).
 */
final class SnapshotDir {

    private final Path root;
    private final Map<String, Long> endpoints = new LinkedHashMap<>();

    SnapshotDir(Path root) {
        this.root = root;
    }

    Path root() {
        return root;
    }

    /** Serves a fixture scenario (e.g. "pve8-reef-18.2.7", "degraded") as endpoint {@code name}. */
    SnapshotDir put(long id, String name, String profile, String scenario) {
        Path fixture = ProxboxStandIn.fixture(profile, scenario);
        try (Stream<Path> entries = Files.list(fixture)) {
            Path endpointDir = entries.filter(Files::isDirectory).findFirst().orElseThrow();
            Path target = root.resolve(name);
            delete(target);
            copy(endpointDir, target);
            endpoints.put(name, id);
            writeEndpoints();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    private void writeEndpoints() throws IOException {
        JsonArrayBuilder list = Json.createArrayBuilder();
        endpoints.forEach((name, id) -> list.add(Json.createObjectBuilder().add("id", id).add("name", name)
                .add("ip_address", "127.0.0.1").addNull("domain").add("port", 8006)
                .add("username", "root@pam").add("verify_ssl", false)));
        Files.writeString(root.resolve("endpoints.json"), list.build().toString());
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }
}
