package org.cephsync.batch;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.cephsync.resource.CephResource;

/**
 * The job parameters of a ceph-sync run, written by whoever starts it and read back by the job (the JSL
 * copies them into job properties). Restarts pass the same values again (the batch runtime does not keep
 * them).
 */
public final class SyncParameters {

    public static final String JOB_NAME = "ceph-sync";
    public static final String RESOURCES = "resources";
    public static final String ENDPOINTS = "endpoints";
    public static final String CHUNK_SIZE = "chunkSize";

    private SyncParameters() {
    }

    /**
     * Parses requested resource names ("full" = all of them).
     *
     * @throws IllegalArgumentException naming the valid resources when a name is unknown
     */
    public static Set<CephResource> resources(List<String> names) {
        if (names == null || names.isEmpty()) {
            return EnumSet.allOf(CephResource.class);
        }
        Set<CephResource> requested = EnumSet.noneOf(CephResource.class);
        for (String name : names) {
            String trimmed = name == null ? "" : name.trim();
            if (CephResource.FULL.equals(trimmed)) {
                requested.addAll(EnumSet.allOf(CephResource.class));
            } else {
                requested.add(CephResource.byWireName(trimmed).orElseThrow(() -> new IllegalArgumentException(
                        "unknown resource \"" + trimmed + "\"; valid resources are: " + CephResource.validNames())));
            }
        }
        return requested;
    }

    public static Set<CephResource> resources(String csv) {
        return resources(csv == null || csv.isBlank() ? List.of() : Arrays.asList(csv.split(",")));
    }

    /** The endpoint ids a run is limited to; empty = no limit. */
    public static Set<Long> endpointIds(String csv) {
        if (csv == null || csv.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(csv.split(",")).map(String::trim).map(Long::valueOf)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    public static Properties of(Set<CephResource> resources, List<Long> endpointIds, int chunkSize) {
        Properties p = new Properties();
        p.setProperty(RESOURCES, resources.stream().map(CephResource::wireName).collect(Collectors.joining(",")));
        p.setProperty(ENDPOINTS, endpointIds.stream().map(String::valueOf).collect(Collectors.joining(",")));
        p.setProperty(CHUNK_SIZE, String.valueOf(chunkSize));
        return p;
    }
}
