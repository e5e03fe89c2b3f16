package org.cephsync.inventory;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.json.bind.annotation.JsonbTransient;
import jakarta.persistence.UniqueConstraint;

/** A CephFS filesystem and its pools. */
@Entity
@Table(name = "ceph_filesystem", uniqueConstraints = @UniqueConstraint(columnNames = {"endpoint", "name"}))
public class CephFilesystem extends ClusterMember {

    @Column(name = "metadata_pool")
    private Long metadataPool;

    /** JSON text: a CLOB/TEXT column on every database (a converted attribute would not be). */
    @Lob
    @Column(name = "data_pools")
    private String dataPools;

    @Column(name = "standby_count_wanted")
    private Integer standbyCountWanted;

    /** JSON text: a CLOB/TEXT column on every database (a converted attribute would not be). */
    @Lob
    private String status;

    /** The metadata pool's name as the source gives it; the writer resolves it to the pool row's id. */
    @Transient
    private String metadataPoolName;

    public Long getMetadataPool() {
        return metadataPool;
    }

    public void setMetadataPool(Long metadataPool) {
        this.metadataPool = metadataPool;
    }

    public JsonArray getDataPools() {
        return JsonText.parseArray(dataPools);
    }

    public void setDataPools(JsonArray dataPools) {
        this.dataPools = JsonText.format(dataPools);
    }

    public Integer getStandbyCountWanted() {
        return standbyCountWanted;
    }

    public void setStandbyCountWanted(Integer standbyCountWanted) {
        this.standbyCountWanted = standbyCountWanted;
    }

    public JsonObject getStatus() {
        return JsonText.parseObject(status);
    }

    public void setStatus(JsonObject status) {
        this.status = JsonText.format(status);
    }

    @JsonbTransient
    public String getMetadataPoolName() {
        return metadataPoolName;
    }

    public void setMetadataPoolName(String metadataPoolName) {
        this.metadataPoolName = metadataPoolName;
    }
}
