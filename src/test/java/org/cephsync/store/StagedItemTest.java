package org.cephsync.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class StagedItemTest {

    @Test
    void anItemReadsBackAsItWasStaged() {
        String json = "{\"id\":7,\"name\":\"osd.7\",\"ceph_metadata\":{\"hostname\":\"pve1\",\"note\":\"é ✓\"}}";

        StagedItem item = new StagedItem(1, "osds", 1, 3, "osds", "7", json);

        assertEquals(json, item.getBody());
        assertTrue(StagedItem.endOf(1, "osds", 2, 3).isEnd());
    }

    @Test
    void anItemTooLargeToStageIsRefusedWithItsSize() {
        StringBuilder noise = new StringBuilder();
        Random random = new Random(1);
        while (noise.length() < 3 * StagedItem.MAX_BODY_BYTES) {
            noise.append(Long.toString(random.nextLong(), 36));
        }

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> new StagedItem(1, "status", 1, 3, "clusters", "lab", "\"" + noise + "\""));

        assertTrue(refused.getMessage().contains("too large to stage"), refused.getMessage());
    }
}
