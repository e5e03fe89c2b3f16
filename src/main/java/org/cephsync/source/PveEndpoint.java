package org.cephsync.source;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/**
 * A Proxmox VE cluster as the {@code proxmox} source reads it: the addresses of its nodes in the order to try
 * them, its API token, and how to trust its certificates (pinned SHA-256 fingerprints, a CA file, or, with
 * neither, the system trust store).
 *
 * @param fingerprints upper-case hex SHA-256 digests of node certificates, without colons; empty: not pinned
 * @param caFile       PEM certificates to trust instead of the system store; null: none
 */
public record PveEndpoint(long id, String name, List<URI> hosts, String tokenId, String tokenSecret,
                          List<String> fingerprints, Path caFile) {

    public PveEndpoint {
        hosts = List.copyOf(hosts);
        fingerprints = List.copyOf(fingerprints);
    }

    /** PVE's API token header value. */
    String authorization() {
        return "PVEAPIToken=" + tokenId + "=" + tokenSecret;
    }

    EndpointInfo info() {
        URI first = hosts.get(0);
        return new EndpointInfo(id, name, null, first.getHost(), first.getPort());
    }

    /** Without the secret: records print every component. */
    @Override
    public String toString() {
        return "PveEndpoint[" + id + " " + name + " " + hosts + " token " + tokenId + (fingerprints.isEmpty() ? "" : " pinned")
                + (caFile == null ? "" : " ca " + caFile) + "]";
    }
}
