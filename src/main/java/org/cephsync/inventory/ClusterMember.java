package org.cephsync.inventory;

import jakarta.persistence.MappedSuperclass;

/** A row that belongs to the Ceph cluster of its endpoint (every model but the cluster itself). */
@MappedSuperclass
public abstract class ClusterMember extends InventoryRow {

    private Long cluster;

    public Long getCluster() {
        return cluster;
    }

    public void setCluster(Long cluster) {
        this.cluster = cluster;
    }
}
