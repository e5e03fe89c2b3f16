package org.cephsync.source;

import jakarta.json.JsonValue;
import java.util.List;
import java.util.Set;

/**
 * Where Proxmox-managed Ceph state is read from. Implementations answer with the Proxmox VE {@code data}
 * value of a path, unwrapped, and fail with a {@link SourceException} whose message a user can act on.
 */
public interface CephSource {

    /** The Proxmox endpoints this source knows, in the directory's order. */
    List<EndpointInfo> endpoints();

    /**
     * @param endpointName  the endpoint's name, as {@link EndpointInfo#name()}
     * @param pvePath       a Proxmox VE API path such as {@code /cluster/ceph/status}
     * @param unreadMembers members of the body's data that the caller never reads: skipped while the body is
     *                      parsed, never built (empty: all of it)
     */
    JsonValue read(String endpointName, String pvePath, Set<String> unreadMembers);

    /** A short description for logs and health checks; never contains a secret. */
    String describe();
}
