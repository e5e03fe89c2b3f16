package org.cephsync.inventory;

import jakarta.json.JsonObject;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

/** One OSD, as the CRUSH tree and the OSD metadata describe it. */
@Entity
@Table(name = "ceph_osd", uniqueConstraints = @UniqueConstraint(columnNames = {"endpoint", "osd_id"}))
public class CephOsd extends ClusterMember {

    @Column(name = "proxmox_node")
    private Long proxmoxNode;

    @Column(name = "osd_id", nullable = false)
    private Integer osdId;

    @Column(nullable = false)
    private String host = "";

    @Column(name = "is_up")
    private Boolean up;

    @Column(name = "in_cluster")
    private Boolean inCluster;

    @Column(nullable = false)
    private String status = "";

    @Column(name = "device_class", length = 64, nullable = false)
    private String deviceClass = "";

    private Double weight;

    private Double reweight;

    @Column(name = "used_bytes")
    private Long usedBytes;

    @Column(name = "available_bytes")
    private Long availableBytes;

    @Column(name = "total_bytes")
    private Long totalBytes;

    private Integer pgs;

    /** JSON text: a CLOB/TEXT column on every database (a converted attribute would not be). */
    @Lob
    private String metadata;

    @Override
    public String naturalKey() {
        return String.valueOf(osdId);
    }

    public Long getProxmoxNode() {
        return proxmoxNode;
    }

    public void setProxmoxNode(Long proxmoxNode) {
        this.proxmoxNode = proxmoxNode;
    }

    public Integer getOsdId() {
        return osdId;
    }

    public void setOsdId(Integer osdId) {
        this.osdId = osdId;
    }

    public String getHost() {
        return host;
    }

    public void setHost(String host) {
        this.host = host;
    }

    public Boolean getUp() {
        return up;
    }

    public void setUp(Boolean up) {
        this.up = up;
    }

    public Boolean getInCluster() {
        return inCluster;
    }

    public void setInCluster(Boolean inCluster) {
        this.inCluster = inCluster;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public String getDeviceClass() {
        return deviceClass;
    }

    public void setDeviceClass(String deviceClass) {
        this.deviceClass = deviceClass;
    }

    public Double getWeight() {
        return weight;
    }

    public void setWeight(Double weight) {
        this.weight = weight;
    }

    public Double getReweight() {
        return reweight;
    }

    public void setReweight(Double reweight) {
        this.reweight = reweight;
    }

    public Long getUsedBytes() {
        return usedBytes;
    }

    public void setUsedBytes(Long usedBytes) {
        this.usedBytes = usedBytes;
    }

    public Long getAvailableBytes() {
        return availableBytes;
    }

    public void setAvailableBytes(Long availableBytes) {
        this.availableBytes = availableBytes;
    }

    public Long getTotalBytes() {
        return totalBytes;
    }

    public void setTotalBytes(Long totalBytes) {
        this.totalBytes = totalBytes;
    }

    public Integer getPgs() {
        return pgs;
    }

    public void setPgs(Integer pgs) {
        this.pgs = pgs;
    }

    public JsonObject getMetadata() {
        return JsonText.parseObject(metadata);
    }

    public void setMetadata(JsonObject metadata) {
        this.metadata = JsonText.format(metadata);
    }
}
