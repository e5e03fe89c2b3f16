package org.cephsync.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.cephsync.inventory.CephOsd;
import org.cephsync.inventory.CephPool;
import org.cephsync.inventory.InventoryJson;
import org.cephsync.inventory.InventoryModel;
import org.cephsync.inventory.InventoryRow;
import org.cephsync.inventory.JsonText;
import org.cephsync.resource.CephResource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the store relies on to find a stored row and to skip an unchanged one without loading it: a model's key
 * attributes give back every mapped row's natural key, and the content hash moves with content only.
 */
class RowIdentityTest {

    @ParameterizedTest
    @MethodSource("org.cephsync.mapping.FixtureScenario#names")
    void keyAttributesGiveEveryRowsNaturalKey(String scenario) throws Exception {
        for (InventoryRow row : rows(scenario)) {
            InventoryModel model = InventoryModel.of(row);
            List<Object> values = new ArrayList<>();
            for (String attribute : model.keyAttributes()) {
                var getter = row.getClass().getMethod("get" + Character.toUpperCase(attribute.charAt(0)) + attribute.substring(1));
                values.add(getter.invoke(row));
            }
            assertEquals(row.naturalKey(), model.naturalKey(values), model + " " + row.naturalKey());
            assertEquals(values.get(values.size() - 1), model.lookupValue(row));
        }
    }

    @ParameterizedTest
    @MethodSource("org.cephsync.mapping.FixtureScenario#names")
    void contentHashIgnoresBookkeepingAndStaysOutOfTheJson(String scenario) {
        for (InventoryRow row : rows(scenario)) {
            String hash = InventoryJson.contentHash(row);
            row.setId(42L);
            row.setCreated(Instant.parse("2026-01-01T00:00:00Z"));
            row.setLastUpdated(Instant.parse("2026-02-01T00:00:00Z"));
            row.setLastSeenAt(Instant.parse("2026-03-01T00:00:00Z"));
            row.setContentHash(hash);
            assertEquals(hash, InventoryJson.contentHash(row), row.naturalKey());
            JsonObject json = InventoryJson.toJson(row);
            assertFalse(json.containsKey("content_hash"), "the hash is not part of " + json.keySet());
        }
    }

    @ParameterizedTest
    @MethodSource("org.cephsync.mapping.FixtureScenario#names")
    void contentHashSurvivesTheJsonForm(String scenario) {
        for (InventoryRow row : rows(scenario)) {
            InventoryRow copy = InventoryJson.fromJson(InventoryJson.toJson(row), row.getClass());
            assertEquals(InventoryJson.content(row), InventoryJson.content(copy));
            assertEquals(InventoryJson.contentHash(row), InventoryJson.contentHash(copy), row.naturalKey());
        }
    }

    @ParameterizedTest
    @MethodSource("org.cephsync.mapping.FixtureScenario#names")
    void contentHashMovesWithContent(String scenario) {
        CephOsd osd = rows(scenario).stream().filter(CephOsd.class::isInstance).map(CephOsd.class::cast).findFirst().orElseThrow();
        String before = InventoryJson.contentHash(osd);
        osd.setUp(!Boolean.TRUE.equals(osd.getUp()));
        assertNotEquals(before, InventoryJson.contentHash(osd));
    }

    @ParameterizedTest
    @MethodSource("org.cephsync.mapping.FixtureScenario#names")
    void contentHashMovesWithTheJsonARowKeepsAsText(String scenario) {
        CephOsd osd = rows(scenario).stream().filter(CephOsd.class::isInstance).map(CephOsd.class::cast).findFirst().orElseThrow();
        String before = InventoryJson.contentHash(osd);
        osd.setMetadata(JsonText.json().createObjectBuilder(osd.getMetadata()).add("osd_objectstore", "filestore-now").build());
        assertNotEquals(before, InventoryJson.contentHash(osd), "a change inside the OSD's metadata is a change");

        CephPool pool = rows(scenario).stream().filter(CephPool.class::isInstance).map(CephPool.class::cast).findFirst().orElseThrow();
        String poolBefore = InventoryJson.contentHash(pool);
        pool.setStatus(JsonText.json().createObjectBuilder(pool.getStatus()).add("percent_used", 99.5).build());
        assertNotEquals(poolBefore, InventoryJson.contentHash(pool), "a change inside the pool's status is a change");
    }

    private static List<InventoryRow> rows(String scenario) {
        FixtureScenario fixture = FixtureScenario.load(scenario);
        List<InventoryRow> rows = new ArrayList<>();
        for (CephResource resource : CephResource.values()) {
            rows.addAll(Rows.of(resource.mapper(), fixture.payloads(), InventoryRow.class));
        }
        for (InventoryRow row : rows) {
            row.setEndpoint(1L);
        }
        return rows;
    }
}
