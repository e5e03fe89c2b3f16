package org.cephsync.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/** netbox-ceph's plugin settings: the one row that says how syncs write (and how often they run). */
@Entity
@Table(name = "ceph_plugin_settings")
public class CephPluginSettings {

    public static final long SINGLETON_ID = 1L;
    public static final String FAIL = "fail";
    public static final String ACKNOWLEDGE = "acknowledge";
    public static final List<String> CONFLICT_POLICIES = List.of(FAIL, ACKNOWLEDGE);

    @Id
    private Long id = SINGLETON_ID;

    @Column(name = "branching_enabled", nullable = false)
    private boolean branchingEnabled;

    @Column(name = "branch_name_prefix", length = 64, nullable = false)
    private String branchNamePrefix = "ceph-sync";

    @Column(name = "branch_on_conflict", length = 16, nullable = false)
    private String branchOnConflict = FAIL;

    /** Minutes between scheduled full syncs; null = no schedule. */
    @Column(name = "sync_interval_minutes")
    private Integer syncIntervalMinutes;

    /** Null for a row made before V4 until it is next changed. */
    private Instant created;

    @Column(name = "last_updated")
    private Instant lastUpdated;

    public Instant getCreated() {
        return created;
    }

    public Instant getLastUpdated() {
        return lastUpdated;
    }

    /** Notes a change (the first: the creation) at {@code now}. */
    void touch(Instant now) {
        if (created == null) {
            created = now;
        }
        lastUpdated = now;
    }

    public Long getId() {
        return id;
    }

    public boolean isBranchingEnabled() {
        return branchingEnabled;
    }

    public void setBranchingEnabled(boolean branchingEnabled) {
        this.branchingEnabled = branchingEnabled;
    }

    public String getBranchNamePrefix() {
        return branchNamePrefix;
    }

    public void setBranchNamePrefix(String branchNamePrefix) {
        this.branchNamePrefix = branchNamePrefix;
    }

    public String getBranchOnConflict() {
        return branchOnConflict;
    }

    public void setBranchOnConflict(String branchOnConflict) {
        this.branchOnConflict = branchOnConflict;
    }

    public Integer getSyncIntervalMinutes() {
        return syncIntervalMinutes;
    }

    public void setSyncIntervalMinutes(Integer syncIntervalMinutes) {
        this.syncIntervalMinutes = syncIntervalMinutes;
    }
}
