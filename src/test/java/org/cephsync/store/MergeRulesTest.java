package org.cephsync.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MergeRulesTest {

    private static final Instant NOW = Instant.parse("2026-11-24T01:00:00Z");

    /** An OSD row in its JSON form; last_updated differs on purpose: bookkeeping is never a conflict. */
    private static JsonObject osd(boolean up, boolean in, long used, String stamp) {
        return Json.createObjectBuilder().add("id", 7).add("name", "osd.3").add("osd_id", 3)
                .add("up", up).add("in_cluster", in).add("used_bytes", used)
                .add("last_updated", stamp).add("last_seen_at", stamp).build();
    }

    private final JsonObject original = osd(true, true, 100, "2026-11-24T00:00:00Z");

    @Test
    void aFieldOnlyMainChangedIsNoConflictAndSurvivesTheMerge() {
        JsonObject branch = osd(false, true, 100, "2026-11-24T00:10:00Z");
        JsonObject main = osd(true, true, 999, "2026-11-24T00:20:00Z");

        assertEquals(Set.of(), MergeRules.conflicts(BranchChange.UPDATE, original, branch, main));
        JsonObject merged = MergeRules.applyUpdate(main, original, branch, NOW);
        assertEquals(false, merged.getBoolean("up"), "the branch's change is applied");
        assertEquals(999, merged.getInt("used_bytes"), "main's own change survives");
        assertEquals(NOW.toString(), merged.getString("last_updated"));
    }

    @Test
    void aFieldBothChangedToDifferentValuesIsAConflict() {
        JsonObject branch = osd(false, true, 200, "2026-11-24T00:10:00Z");
        JsonObject main = osd(true, true, 300, "2026-11-24T00:20:00Z");

        assertEquals(Set.of("used_bytes"), MergeRules.conflicts(BranchChange.UPDATE, original, branch, main));
    }

    @Test
    void aFieldBothChangedToTheSameValueIsNoConflict() {
        JsonObject branch = osd(false, true, 200, "2026-11-24T00:10:00Z");
        JsonObject main = osd(false, true, 200, "2026-11-24T00:20:00Z");

        assertEquals(Set.of(), MergeRules.conflicts(BranchChange.UPDATE, original, branch, main));
    }

    @Test
    void updatingARowMainDeletedIsARowConflict() {
        assertEquals(Set.of(MergeRules.DELETED_IN_MAIN),
                MergeRules.conflicts(BranchChange.UPDATE, original, osd(false, true, 100, "x"), null));
    }

    @Test
    void deletingARowMainUpdatedConflictsOnWhatMainChanged() {
        assertEquals(Set.of("in_cluster"),
                MergeRules.conflicts(BranchChange.DELETE, original, null, osd(true, false, 100, "2026-11-24T00:20:00Z")));
        assertEquals(Set.of(), MergeRules.conflicts(BranchChange.DELETE, original, null, osd(true, true, 100, "2026-11-24T00:30:00Z")),
                "main touched only bookkeeping");
        assertEquals(Set.of(), MergeRules.conflicts(BranchChange.DELETE, original, null, null), "gone from main too");
    }

    @Test
    void creatingARowMainCreatedDifferentlyIsARowConflict() {
        JsonObject mine = osd(true, true, 100, "a");
        assertEquals(Set.of(MergeRules.CREATED_IN_MAIN), MergeRules.conflicts(BranchChange.CREATE, null, mine, osd(true, false, 100, "b")));
        assertEquals(Set.of(), MergeRules.conflicts(BranchChange.CREATE, null, mine, osd(true, true, 100, "b")), "created alike");
        assertEquals(Set.of(), MergeRules.conflicts(BranchChange.CREATE, null, mine, null));
    }

    @Test
    void anUnknownActionIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> MergeRules.conflicts("rename", original, original, original));
    }
}
