package org.cephsync.inventory;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

/** The Ceph cluster of one Proxmox endpoint, with its health. */
@Entity
@Table(name = "ceph_cluster", uniqueConstraints = @UniqueConstraint(columnNames = {"endpoint", "name"}))
public class CephCluster extends InventoryRow {

    @Column(name = "proxmox_cluster")
    private Long proxmoxCluster;

    @Column(length = 64, nullable = false)
    private String fsid = "";

    @Column(length = 32, nullable = false)
    private String health = "unknown";

    /** JSON text: a CLOB/TEXT column on every database (a converted attribute would not be). */
    @Lob
    @Column(name = "quorum_names")
    private String quorumNames;

    /** JSON text: a CLOB/TEXT column on every database (a converted attribute would not be). */
    @Lob
    private String status;

    public Long getProxmoxCluster() {
        return proxmoxCluster;
    }

    public void setProxmoxCluster(Long proxmoxCluster) {
        this.proxmoxCluster = proxmoxCluster;
    }

    public String getFsid() {
        return fsid;
    }

    public void setFsid(String fsid) {
        this.fsid = fsid;
    }

    public String getHealth() {
        return health;
    }

    public void setHealth(String health) {
        this.health = health;
    }

    public JsonArray getQuorumNames() {
        return JsonText.parseArray(quorumNames);
    }

    public void setQuorumNames(JsonArray quorumNames) {
        this.quorumNames = JsonText.format(quorumNames);
    }

    public JsonObject getStatus() {
        return JsonText.parseObject(status);
    }

    public void setStatus(JsonObject status) {
        this.status = JsonText.format(status);
    }
}
