package org.cephsync.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

class StagedItemsTest {

    private static final String ARRAY = "[{\"id\":0,\"name\":\"osd.0\",\"ceph_metadata\":{\"hostname\":\"pve1\",\"note\":\"é ✓\"}},"
            + "{\"id\":1,\"name\":\"osd.1\",\"nested\":{\"a\":[1,{\"b\":2}]}},{\"id\":2,\"name\":\"osd.2\"}]";

    @Test
    void itemsComeBackInTheirStagedOrder() {
        List<String> names = new ArrayList<>();
        try (StagedItems items = new StagedItems(Gzip.compress(ARRAY), 3)) {
            while (items.hasNext()) {
                names.add(items.next().getString("name"));
            }
            assertThrows(NoSuchElementException.class, items::next);
        }
        assertEquals(List.of("osd.0", "osd.1", "osd.2"), names);
    }

    @Test
    void aRestartSkipsWhatWasWrittenAndResumesOnTheNextItem() {
        try (StagedItems items = new StagedItems(Gzip.compress(ARRAY), 3).skip(2)) {
            assertEquals(2, items.position());
            assertEquals("osd.2", items.next().getString("name"));
            assertFalse(items.hasNext());
        }
        try (StagedItems items = new StagedItems(Gzip.compress(ARRAY), 3).skip(5)) {
            assertEquals(3, items.position(), "skipping past the end stops at the end");
        }
    }

    @Test
    void textSurvivesCompression() {
        assertEquals(ARRAY, Gzip.decompress(Gzip.compress(ARRAY)));
    }
}
