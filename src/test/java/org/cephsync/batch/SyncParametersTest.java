package org.cephsync.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.cephsync.resource.CephResource;
import org.junit.jupiter.api.Test;

class SyncParametersTest {

    @Test
    void fullOrNothingMeansEveryResource() {
        assertEquals(EnumSet.allOf(CephResource.class), SyncParameters.resources(List.of("full")));
        assertEquals(EnumSet.allOf(CephResource.class), SyncParameters.resources(List.of()));
        assertEquals(EnumSet.allOf(CephResource.class), SyncParameters.resources((String) null));
    }

    @Test
    void namedResourcesAreTheOnesAsked() {
        assertEquals(EnumSet.of(CephResource.STATUS, CephResource.OSDS), SyncParameters.resources(List.of("osds", " status ")));
    }

    @Test
    void anUnknownResourceIsRefusedNamingTheValidOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SyncParameters.resources(List.of("osds", "bogus")));
        assertTrue(e.getMessage().contains("\"bogus\""), e.getMessage());
        assertTrue(e.getMessage().endsWith("status, daemons, osds, pools, filesystems, crush, flags, full"), e.getMessage());
    }

    @Test
    void parametersRoundTripThroughJobProperties() {
        Properties p = SyncParameters.of(EnumSet.of(CephResource.POOLS, CephResource.FLAGS), List.of(3L, 7L), 50);
        assertEquals(EnumSet.of(CephResource.POOLS, CephResource.FLAGS), SyncParameters.resources(p.getProperty(SyncParameters.RESOURCES)));
        assertEquals(Set.of(3L, 7L), SyncParameters.endpointIds(p.getProperty(SyncParameters.ENDPOINTS)));
        assertEquals("50", p.getProperty(SyncParameters.CHUNK_SIZE));
        assertEquals(Set.of(), SyncParameters.endpointIds(""));
    }
}
