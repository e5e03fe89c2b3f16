package org.cephsync.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

/**
 * What a run read of one resource from one endpoint, kept while the run can be restarted so that a restart
 * maps the same data the first execution read: the items in their stable order, as one gzip-compressed JSON
 * array, and the natural keys of the rows they map to (what the endpoint's complete read keeps). One row per
 * endpoint rather than one per item: every run stages and drops as much as the cluster has, and thousands of
 * small rows made an embedded H2 file grow by a multiple of their size with each run.
 */
@Entity
@Table(name = "staged_read", uniqueConstraints = @UniqueConstraint(columnNames = {"instance_id", "resource", "position"}))
public class StagedRead {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "staged_read_seq")
    @SequenceGenerator(name = "staged_read_seq", sequenceName = "staged_read_seq", allocationSize = 20)
    private Long id;

    @Column(name = "instance_id", nullable = false)
    private long instanceId;

    @Column(nullable = false, length = 32)
    private String resource;

    /** Which read of the resource in this run it is (1, 2, ...): the order the reader hands them on. */
    @Column(nullable = false)
    private int position;

    @Column(name = "endpoint_id", nullable = false)
    private long endpointId;

    @Column(name = "item_count", nullable = false)
    private int itemCount;

    /** The items: a JSON array, gzip-compressed. */
    @Lob
    @Column(nullable = false)
    private byte[] items;

    /** The natural keys by model: a JSON object of arrays, gzip-compressed. */
    @Lob
    @Column(name = "natural_keys", nullable = false)
    private byte[] naturalKeys;

    protected StagedRead() {
    }

    StagedRead(long instanceId, String resource, int position, long endpointId, int itemCount, byte[] items, byte[] naturalKeys) {
        this.instanceId = instanceId;
        this.resource = resource;
        this.position = position;
        this.endpointId = endpointId;
        this.itemCount = itemCount;
        this.items = items;
        this.naturalKeys = naturalKeys;
    }

    public int getPosition() {
        return position;
    }

    public long getEndpointId() {
        return endpointId;
    }

    public int getItemCount() {
        return itemCount;
    }

    byte[] getItems() {
        return items;
    }

    byte[] getNaturalKeys() {
        return naturalKeys;
    }
}
