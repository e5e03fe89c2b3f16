package org.cephsync.inventory;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.persistence.Column;
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

    /** JSON text: a CLOB/TEXT column on every database (a converted attribute would not be). */
    @Lob
    private String steps;

    /** JSON text: a CLOB/TEXT column on every database (a converted attribute would not be). */
    @Lob
    private String raw;

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
        return JsonText.parseArray(steps);
    }

    public void setSteps(JsonArray steps) {
        this.steps = JsonText.format(steps);
    }

    public JsonObject getRaw() {
        return JsonText.parseObject(raw);
    }

    public void setRaw(JsonObject raw) {
        this.raw = JsonText.format(raw);
    }
}
