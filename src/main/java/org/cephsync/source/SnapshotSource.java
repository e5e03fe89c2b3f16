package org.cephsync.source;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reads a snapshot laid out like ../shared/fixtures: {@code endpoints.json} and, per endpoint name, one
 * PVE-wrapped JSON file per path. Without {@code ceph-sync.snapshot.dir} it reads the sample bundled in
 * the application. A path with no file is an error for that resource, not an empty result.
 */
@ApplicationScoped
@Typed(SnapshotSource.class)
public class SnapshotSource implements CephSource {

    static final String BUNDLED = "sample-snapshot/";

    @Inject
    @ConfigProperty(name = "ceph-sync.snapshot.dir")
    Optional<String> dir;

    @Override
    public List<EndpointInfo> endpoints() {
        return PveBodies.endpoints(describe() + " endpoints.json", parse("endpoints.json", Set.of()));
    }

    @Override
    public JsonValue read(String endpointName, String pvePath, Set<String> unreadMembers) {
        String file = endpointName + pvePath + ".json";
        return PveBodies.unwrap(describe() + " " + file, parse(file, unreadMembers));
    }

    @Override
    public String describe() {
        return dir.map(d -> "snapshot " + d).orElse("the bundled sample snapshot");
    }

    private JsonValue parse(String relative, Set<String> unreadMembers) {
        String what = describe() + " " + relative;
        try (Reader reader = open(relative)) {
            return PveBodies.parse(what, reader, unreadMembers);
        } catch (NoSuchFileException e) {
            throw new SourceException(what + ": no such file");
        } catch (IOException e) {
            throw new SourceException(what + ": " + e.getMessage(), e);
        }
    }

    private Reader open(String relative) throws IOException {
        if (relative.contains("..")) {
            throw new NoSuchFileException(relative);
        }
        if (dir.isPresent()) {
            return Files.newBufferedReader(Path.of(dir.get()).resolve(relative), StandardCharsets.UTF_8);
        }
        InputStream in = SnapshotSource.class.getClassLoader().getResourceAsStream(BUNDLED + relative);
        if (in == null) {
            throw new NoSuchFileException(relative);
        }
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }
}
