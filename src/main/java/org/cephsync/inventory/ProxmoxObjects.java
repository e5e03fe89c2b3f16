package org.cephsync.inventory;

import java.io.Serializable;
import java.util.Map;

/**
 * netbox-proxbox's ProxmoxNode and ProxmoxCluster objects of one endpoint, by name, as NetBox ids: what fills
 * {@code proxmox_node} (daemons and OSDs, by their host) and {@code proxmox_cluster} (clusters, by the PVE
 * cluster name). Without NetBox, or for a name NetBox does not know, the reference stays null.
 */
public record ProxmoxObjects(Map<String, Long> nodes, Map<String, Long> clusters) implements Serializable {

    public static final ProxmoxObjects NONE = new ProxmoxObjects(Map.of(), Map.of());

    public ProxmoxObjects {
        nodes = Map.copyOf(nodes);
        clusters = Map.copyOf(clusters);
    }

    public boolean isEmpty() {
        return nodes.isEmpty() && clusters.isEmpty();
    }

    /** Sets the row's reference to its node or cluster (null when there is none by that name). */
    public void referTo(InventoryRow row) {
        if (row instanceof CephOsd osd) {
            osd.setProxmoxNode(osd.getHost() == null ? null : nodes.get(osd.getHost()));
        } else if (row instanceof CephDaemon daemon) {
            daemon.setProxmoxNode(daemon.getHost() == null ? null : nodes.get(daemon.getHost()));
        } else if (row instanceof CephCluster cluster) {
            cluster.setProxmoxCluster(clusters.get(cluster.getName()));
        }
    }
}
