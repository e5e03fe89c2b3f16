package org.cephsync.inventory;

import jakarta.json.JsonArray;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.time.Instant;

/** One active Ceph health check (OSD_DOWN, MON_DOWN, ...) of a cluster. */
@Entity
@Table(name = "ceph_health_check", uniqueConstraints = @UniqueConstraint(columnNames = {"endpoint", "name"}))
public class CephHealthCheck extends ClusterMember {

    @Column(length = 32, nullable = false)
    private String severity = "unknown";

    @Column(length = 512, nullable = false)
    private String summary = "";

    /** JSON text: a CLOB/TEXT column on every database (a converted attribute would not be). */
    @Lob
    private String detail;

    @Column(length = 64, nullable = false)
    private String source = "";

    @Column(name = "first_seen_at")
    private Instant firstSeenAt;

    public String getSeverity() {
        return severity;
    }

    public void setSeverity(String severity) {
        this.severity = severity;
    }

    public String getSummary() {
        return summary;
    }

    public void setSummary(String summary) {
        this.summary = summary;
    }

    public JsonArray getDetail() {
        return JsonText.parseArray(detail);
    }

    public void setDetail(JsonArray detail) {
        this.detail = JsonText.format(detail);
    }

    public String getSource() {
        return source;
    }

    public void setSource(String source) {
        this.source = source;
    }

    public Instant getFirstSeenAt() {
        return firstSeenAt;
    }

    public void setFirstSeenAt(Instant firstSeenAt) {
        this.firstSeenAt = DatabaseTime.of(firstSeenAt);
    }
}
