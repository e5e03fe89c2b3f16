package org.cephsync.source;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Chooses the source by {@code ceph-sync.source}. Left unset, it is {@code proxbox} when
 * {@code proxbox.url} or {@code netbox.url} is configured and the bundled sample snapshot otherwise, so a fresh deployment
 * has something to sync.
 */
@ApplicationScoped
public class CephSources {

    @Inject
    @ConfigProperty(name = "ceph-sync.source")
    Optional<String> kind;

    @Inject
    @ConfigProperty(name = "proxbox.url")
    Optional<String> proxboxUrl;

    @Inject
    @ConfigProperty(name = "netbox.url")
    Optional<String> netboxUrl;

    @Inject
    ProxboxSource proxbox;

    @Inject
    SnapshotSource snapshot;

    @Inject
    ProxmoxSource proxmox;

    @Produces
    @Dependent
    public CephSource current() {
        String chosen = kind.orElse(proxboxUrl.isPresent() || netboxUrl.isPresent() ? "proxbox" : "snapshot");
        return switch (chosen) {
            case "proxbox" -> proxbox;
            case "snapshot" -> snapshot;
            case "proxmox" -> proxmox;
            default -> throw new SourceException("ceph-sync.source=" + chosen
                    + " is not a source this build has (proxbox, proxmox, snapshot)");
        };
    }
}
