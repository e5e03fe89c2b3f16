package org.cephsync.inventory;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

/** A CRUSH rule, parsed from the decompiled CRUSH map. */
@Entity
@Table(name = "ceph_crush_rule", uniqueConstraints = @UniqueConstraint(columnNames = {"endpoint", "name"}))
public class CephCrushRule extends ClusterMember {

    @Column(name = "rule_id")
    private Integer ruleId;

    @Column(name = "rule_type", length = 64, nullable = false)
    private String ruleType = "";

    @Column(name = "device_class", length = 64, nullable = false)
    private String deviceClass = "";

    @Lob
    @Convert(converter = JsonArrayConverter.class)
    private JsonArray steps;

    @Lob
    @Convert(converter = JsonObjectConverter.class)
    private JsonObject raw;

    public Integer getRuleId() {
        return ruleId;
    }

    public void setRuleId(Integer ruleId) {
        this.ruleId = ruleId;
    }

    public String getRuleType() {
        return ruleType;
    }

    public void setRuleType(String ruleType) {
        this.ruleType = ruleType;
    }

    public String getDeviceClass() {
        return deviceClass;
    }

    public void setDeviceClass(String deviceClass) {
        this.deviceClass = deviceClass;
    }

    public JsonArray getSteps() {
        return steps;
    }

    public void setSteps(JsonArray steps) {
        this.steps = steps;
    }

    public JsonObject getRaw() {
        return raw;
    }

    public void setRaw(JsonObject raw) {
        this.raw = raw;
    }
}
