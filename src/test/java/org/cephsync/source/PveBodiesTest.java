package org.cephsync.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Bodies parsed without the members a resource does not read, on the fixtures' real /cluster/ceph/metadata. */
class PveBodiesTest {

    private static final Set<String> OSD = Set.of("osd");

    static List<Path> metadataBodies() throws URISyntaxException, IOException {
        Path fixtures = Path.of(PveBodiesTest.class.getResource("/fixtures").toURI());
        try (Stream<Path> files = Files.walk(fixtures)) {
            List<Path> found = files.filter(p -> p.endsWith(Path.of("cluster", "ceph", "metadata.json"))).sorted().toList();
            assertFalse(found.isEmpty(), "fixtures with a /cluster/ceph/metadata body under " + fixtures);
            return found;
        }
    }

    @ParameterizedTest
    @MethodSource("metadataBodies")
    void aPveBodyLosesOnlyItsDataMembersThatAreNotRead(Path file) {
        String text = read(file);
        JsonObject full = PveBodies.parse("full", text).asJsonObject();
        JsonObject data = full.getJsonObject("data");
        assertTrue(data.containsKey("osd"), file + " has an osd section");

        JsonValue without = PveBodies.parse(file.toString(), text, OSD);

        assertEquals(Json.createObjectBuilder().add("data", withoutOsd(data)).build(), without);
    }

    @ParameterizedTest
    @MethodSource("metadataBodies")
    void aProxboxAnswerIsTheDataItselfAndLosesTheSameMembers(Path file) {
        JsonObject data = PveBodies.parse("full", read(file)).asJsonObject().getJsonObject("data");

        assertEquals(withoutOsd(data), PveBodies.parse("proxbox-api answer", data.toString(), OSD));
    }

    @Test
    void membersDeeperThanTheDataAreKept() {
        String body = "{\"data\": {\"mon\": {\"osd\": 1, \"name\": \"a\"}, \"osd\": [1, 2]}}";

        assertEquals(PveBodies.parse("expected", "{\"data\": {\"mon\": {\"osd\": 1, \"name\": \"a\"}}}"),
                PveBodies.parse("body", body, OSD));
    }

    @Test
    void aBodyThatIsNotAnObjectIsReturnedAsItIs() {
        assertEquals(PveBodies.parse("expected", "[{\"osd\": 1}]"), PveBodies.parse("body", "[{\"osd\": 1}]", OSD));
    }

    @Test
    void aMalformedBodyIsAnErrorThatSaysWhichBodyEvenInTheSkippedPart() {
        for (String malformed : List.of("{\"data\": {\"mon\": {}, \"osd\": [1, }}", "{\"data\": {\"mon\": {}}", "{\"data\": {}} x")) {
            SourceException e = assertThrows(SourceException.class, () -> PveBodies.parse("GET /cluster/ceph/metadata", malformed, OSD),
                    malformed);
            assertTrue(e.getMessage().startsWith("GET /cluster/ceph/metadata: "), e.getMessage());
        }
    }

    private static JsonObject withoutOsd(JsonObject data) {
        JsonObjectBuilder kept = Json.createObjectBuilder(data);
        kept.remove("osd");
        return kept.build();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
