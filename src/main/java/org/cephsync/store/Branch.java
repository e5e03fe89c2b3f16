package org.cephsync.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import org.cephsync.inventory.DatabaseTime;

/**
 * A branch with netbox-branching's semantics: a named set of changes over main, read as main overlaid
 * with them, merged into main in one transaction. Status: new → provisioning → ready → merging → merged,
 * or failed.
 */
@Entity
@Table(name = "branch")
public class Branch {

    public static final String NEW = "new";
    public static final String PROVISIONING = "provisioning";
    public static final String READY = "ready";
    public static final String MERGING = "merging";
    public static final String MERGED = "merged";
    public static final String FAILED = "failed";

    /** {@link #getMergedBy()} of a branch its own run merged. */
    public static final String MERGED_BY_RUN = "ceph-sync";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "branch_seq")
    @SequenceGenerator(name = "branch_seq", sequenceName = "branch_seq", allocationSize = 10)
    private Long id;

    @Column(nullable = false, unique = true, length = 100)
    private String name;

    @Column(name = "schema_id", nullable = false, unique = true, length = 8)
    private String schemaId;

    @Column(nullable = false, length = 16)
    private String status = NEW;

    /** The sync run (job instance) that owns the branch, if a sync opened it. */
    @Column(name = "instance_id")
    private Long instanceId;

    private Instant created;

    @Column(name = "last_updated")
    private Instant lastUpdated;

    @Column(name = "merged_time")
    private Instant mergedTime;

    /** Who merged it: a user's name, or ceph-sync when its run merged it. */
    @Column(name = "merged_by", length = 150)
    private String mergedBy;

    protected Branch() {
    }

    public Branch(String name, String schemaId, Long instanceId, Instant now) {
        this.name = name;
        this.schemaId = schemaId;
        this.instanceId = instanceId;
        this.created = DatabaseTime.of(now);
        this.lastUpdated = this.created;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getSchemaId() {
        return schemaId;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
        this.lastUpdated = DatabaseTime.now();
    }

    public Long getInstanceId() {
        return instanceId;
    }

    public Instant getCreated() {
        return created;
    }

    public Instant getLastUpdated() {
        return lastUpdated;
    }

    public Instant getMergedTime() {
        return mergedTime;
    }

    public void setMergedTime(Instant mergedTime) {
        this.mergedTime = DatabaseTime.of(mergedTime);
    }

    public String getMergedBy() {
        return mergedBy;
    }

    void setMergedBy(String mergedBy) {
        this.mergedBy = mergedBy;
    }
}
