package org.cephsync.inventory;

import jakarta.json.JsonObject;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

/** A cluster-wide OSD flag (noout, noscrub, ...), set or not. */
@Entity
@Table(name = "ceph_flag", uniqueConstraints = @UniqueConstraint(columnNames = {"endpoint", "name"}))
public class CephFlag extends ClusterMember {

    private Boolean enabled;

    @Column(name = "flag_value", nullable = false)
    private String value = "";

    /** JSON text: a CLOB/TEXT column on every database (a converted attribute would not be). */
    @Lob
    private String raw;

    public Boolean getEnabled() {
        return enabled;
    }

    public void setEnabled(Boolean enabled) {
        this.enabled = enabled;
    }

    public String getValue() {
        return value;
    }

    public void setValue(String value) {
        this.value = value;
    }

    public JsonObject getRaw() {
        return JsonText.parseObject(raw);
    }

    public void setRaw(JsonObject raw) {
        this.raw = JsonText.format(raw);
    }
}
