package org.cephsync.inventory;

import jakarta.json.bind.annotation.JsonbTransient;
import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.SequenceGenerator;
import java.time.Instant;

/**
 * What every inventory row has: an id, the Proxmox endpoint it belongs to, and bookkeeping times.
 * Ids come from one sequence shared by all models (IDENTITY columns break on Payara's H2), so an id
 * names one row across the whole inventory.
 */
@MappedSuperclass
public abstract class InventoryRow {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "inventory_seq")
    @SequenceGenerator(name = "inventory_seq", sequenceName = "inventory_seq", allocationSize = 50)
    private Long id;

    @Column(nullable = false)
    private Long endpoint;

    /** Every model has a name; it is what NetBox displays (osd.3, vm-pool, MON_DOWN, pve1). */
    @Column(nullable = false)
    private String name;

    private Instant created;

    @Column(name = "last_updated")
    private Instant lastUpdated;

    @Column(name = "last_seen_at")
    private Instant lastSeenAt;

    /**
     * {@link InventoryJson#contentHash} of the content as stored, so a sync finds unchanged rows without loading
     * them; null (rows written by a version without it, rows merged from a branch) means "compare the content".
     * Not part of the row's JSON.
     */
    @JsonbTransient
    @Column(name = "content_hash", length = 64)
    private String contentHash;

    /**
     * The natural identity of the row within its endpoint, as one string: its name, unless the model is
     * keyed otherwise ("mon/pve1" for a daemon, "7" for an OSD).
     */
    public String naturalKey() {
        return name;
    }


    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public Long getEndpoint() {
        return endpoint;
    }

    public void setEndpoint(Long endpoint) {
        this.endpoint = endpoint;
    }

    public Instant getCreated() {
        return created;
    }

    public void setCreated(Instant created) {
        this.created = DatabaseTime.of(created);
    }

    public Instant getLastUpdated() {
        return lastUpdated;
    }

    public void setLastUpdated(Instant lastUpdated) {
        this.lastUpdated = DatabaseTime.of(lastUpdated);
    }

    @JsonbTransient
    public String getContentHash() {
        return contentHash;
    }

    @JsonbTransient
    public void setContentHash(String contentHash) {
        this.contentHash = contentHash;
    }

    public Instant getLastSeenAt() {
        return lastSeenAt;
    }

    public void setLastSeenAt(Instant lastSeenAt) {
        this.lastSeenAt = DatabaseTime.of(lastSeenAt);
    }
}
