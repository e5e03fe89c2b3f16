package org.cephsync.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ErrorTextTest {

    @Test
    void shortTextsAreKeptWhole() {
        assertNull(ErrorText.limit(null));
        String limit = "x".repeat(ErrorText.LIMIT);
        assertEquals(limit, ErrorText.limit(limit));
    }

    @Test
    void longTextsAreCutToTheLimitWithAMarkerSayingHowMuchWasCut() {
        String many = "endpoint pve-1: 500 Internal Server Error; ".repeat(2_000);

        String kept = ErrorText.limit(many);

        assertEquals(ErrorText.LIMIT, kept.length());
        assertTrue(many.startsWith(kept.substring(0, 1000)), "the beginning is kept");
        assertTrue(kept.endsWith(" [... " + (many.length() - ErrorText.LIMIT) + " more characters cut]"), kept.substring(kept.length() - 60));
    }
}
