package org.cephsync.source;

import java.io.Serializable;

/** One Proxmox endpoint as an endpoint directory lists it (proxbox-api's {@code /proxmox/endpoints} shape). */
public record EndpointInfo(long id, String name, String domain, String ipAddress, Integer port) implements Serializable {
}
