package org.cephsync.source;

import java.io.Serializable;
import org.cephsync.inventory.ProxmoxObjects;

/**
 * One Proxmox endpoint as an endpoint directory lists it (proxbox-api's {@code /proxmox/endpoints} shape), and,
 * when NetBox is the directory, its netbox-proxbox nodes and clusters.
 */
public record EndpointInfo(long id, String name, String domain, String ipAddress, Integer port, ProxmoxObjects proxmox)
        implements Serializable {

    public EndpointInfo {
        proxmox = proxmox == null ? ProxmoxObjects.NONE : proxmox;
    }

    public EndpointInfo(long id, String name, String domain, String ipAddress, Integer port) {
        this(id, name, domain, ipAddress, port, ProxmoxObjects.NONE);
    }

    public EndpointInfo with(ProxmoxObjects objects) {
        return new EndpointInfo(id, name, domain, ipAddress, port, objects);
    }
}
