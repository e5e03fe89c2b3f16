package org.cephsync.mapping;

import java.util.Set;

/** Ceph's health words as the model keeps them: a status the model does not know is "unknown", not an error. */
public final class HealthStatus {

    public static final String UNKNOWN = "unknown";
    private static final Set<String> KNOWN = Set.of("HEALTH_OK", "HEALTH_WARN", "HEALTH_ERR");

    private HealthStatus() {
    }

    public static String of(String status) {
        return status != null && KNOWN.contains(status.strip()) ? status.strip() : UNKNOWN;
    }
}
