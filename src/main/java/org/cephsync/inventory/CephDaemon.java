package org.cephsync.inventory;

import jakarta.json.JsonObject;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

/** A MON, MGR or MDS daemon (OSDs have their own table). */
@Entity
@Table(name = "ceph_daemon", uniqueConstraints = @UniqueConstraint(columnNames = {"endpoint", "daemon_type", "name"}))
public class CephDaemon extends ClusterMember {

    @Column(name = "proxmox_node")
    private Long proxmoxNode;

    @Column(name = "daemon_type", length = 16, nullable = false)
    private String daemonType = "unknown";

    @Column(name = "daemon_id", nullable = false)
    private String daemonId = "";

    @Column(nullable = false)
    private String host = "";

    @Column(length = 16, nullable = false)
    private String state = "unknown";

    @Column(nullable = false)
    private String status = "";

    @Column(length = 128, nullable = false)
    private String version = "";

    /** JSON text: a CLOB/TEXT column on every database (a converted attribute would not be). */
    @Lob
    private String metadata;

    @Override
    public String naturalKey() {
        return daemonType + "/" + getName();
    }

    public Long getProxmoxNode() {
        return proxmoxNode;
    }

    public void setProxmoxNode(Long proxmoxNode) {
        this.proxmoxNode = proxmoxNode;
    }

    public String getDaemonType() {
        return daemonType;
    }

    public void setDaemonType(String daemonType) {
        this.daemonType = daemonType;
    }

    public String getDaemonId() {
        return daemonId;
    }

    public void setDaemonId(String daemonId) {
        this.daemonId = daemonId;
    }

    public String getHost() {
        return host;
    }

    public void setHost(String host) {
        this.host = host;
    }

    public String getState() {
        return state;
    }

    public void setState(String state) {
        this.state = state;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public String getVersion() {
        return version;
    }

    public void setVersion(String version) {
        this.version = version;
    }

    public JsonObject getMetadata() {
        return JsonText.parseObject(metadata);
    }

    public void setMetadata(JsonObject metadata) {
        this.metadata = JsonText.format(metadata);
    }
}
