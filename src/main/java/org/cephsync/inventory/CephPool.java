package org.cephsync.inventory;

import jakarta.json.JsonObject;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

/** A RADOS pool. */
@Entity
@Table(name = "ceph_pool", uniqueConstraints = @UniqueConstraint(columnNames = {"endpoint", "name"}))
public class CephPool extends ClusterMember {

    @Column(name = "pool_id")
    private Integer poolId;

    @Column(name = "pool_size")
    private Integer size;

    @Column(name = "min_size")
    private Integer minSize;

    @Column(name = "pg_num")
    private Integer pgNum;

    @Column(name = "pg_autoscale_mode", length = 32, nullable = false)
    private String pgAutoscaleMode = "";

    @Column(name = "crush_rule", nullable = false)
    private String crushRule = "";

    @Column(length = 64, nullable = false)
    private String application = "";

    @Column(name = "used_bytes")
    private Long usedBytes;

    @Column(name = "max_available_bytes")
    private Long maxAvailableBytes;

    @Column(name = "percent_used")
    private Double percentUsed;

    /** JSON text: a CLOB/TEXT column on every database (a converted attribute would not be). */
    @Lob
    private String status;

    public Integer getPoolId() {
        return poolId;
    }

    public void setPoolId(Integer poolId) {
        this.poolId = poolId;
    }

    public Integer getSize() {
        return size;
    }

    public void setSize(Integer size) {
        this.size = size;
    }

    public Integer getMinSize() {
        return minSize;
    }

    public void setMinSize(Integer minSize) {
        this.minSize = minSize;
    }

    public Integer getPgNum() {
        return pgNum;
    }

    public void setPgNum(Integer pgNum) {
        this.pgNum = pgNum;
    }

    public String getPgAutoscaleMode() {
        return pgAutoscaleMode;
    }

    public void setPgAutoscaleMode(String pgAutoscaleMode) {
        this.pgAutoscaleMode = pgAutoscaleMode;
    }

    public String getCrushRule() {
        return crushRule;
    }

    public void setCrushRule(String crushRule) {
        this.crushRule = crushRule;
    }

    public String getApplication() {
        return application;
    }

    public void setApplication(String application) {
        this.application = application;
    }

    public Long getUsedBytes() {
        return usedBytes;
    }

    public void setUsedBytes(Long usedBytes) {
        this.usedBytes = usedBytes;
    }

    public Long getMaxAvailableBytes() {
        return maxAvailableBytes;
    }

    public void setMaxAvailableBytes(Long maxAvailableBytes) {
        this.maxAvailableBytes = maxAvailableBytes;
    }

    public Double getPercentUsed() {
        return percentUsed;
    }

    public void setPercentUsed(Double percentUsed) {
        this.percentUsed = percentUsed;
    }

    public JsonObject getStatus() {
        return JsonText.parseObject(status);
    }

    public void setStatus(JsonObject status) {
        this.status = JsonText.format(status);
    }
}
