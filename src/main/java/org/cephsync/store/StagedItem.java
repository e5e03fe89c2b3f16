package org.cephsync.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

/**
 * One source item fetched for a run, kept until the run completes so that a restart maps the same data
 * it read the first time instead of a re-read that has shifted. {@code seq} orders the items of one
 * resource of one run; the reader's checkpoint is the last seq it handed on.
 */
@Entity
@Table(name = "staged_item",
        uniqueConstraints = @UniqueConstraint(columnNames = {"instance_id", "resource", "seq"}),
        indexes = @Index(columnList = "instance_id, resource, seq"))
public class StagedItem {

    /** The model of an endpoint's end mark, staged after its last item. */
    public static final String END = "(end)";
    /** The largest compressed item: H2's limit for a binary value in a row. */
    static final int MAX_BODY_BYTES = 1_000_000;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "staged_seq")
    @SequenceGenerator(name = "staged_seq", sequenceName = "staged_seq", allocationSize = 500)
    private Long id;

    @Column(name = "instance_id", nullable = false)
    private long instanceId;

    @Column(nullable = false, length = 32)
    private String resource;

    @Column(nullable = false)
    private long seq;

    @Column(name = "endpoint_id", nullable = false)
    private long endpointId;

    /** The model and natural key of the row the item maps to: what a complete read keeps. */
    @Column(nullable = false, length = 32)
    private String model;

    @Column(name = "natural_key", nullable = false)
    private String naturalKey;

    /**
     * The item's JSON, gzip-compressed, in the row rather than as a LOB: every run stages and drops as many
     * items as the cluster has, and an embedded H2 file grew by a multiple of their size with each run while
     * they were LOBs.
     */
    @Column(nullable = false, length = MAX_BODY_BYTES)
    private byte[] body;

    protected StagedItem() {
    }

    public StagedItem(long instanceId, String resource, long seq, long endpointId, String model, String naturalKey, String json) {
        this.instanceId = instanceId;
        this.resource = resource;
        this.seq = seq;
        this.endpointId = endpointId;
        this.model = model;
        this.naturalKey = naturalKey;
        this.body = Gzip.compress(json);
        if (body.length > MAX_BODY_BYTES) {
            throw new IllegalArgumentException("a " + model + " item of endpoint " + endpointId + " is too large to stage: "
                    + json.length() + " characters, " + body.length + " bytes compressed (at most " + MAX_BODY_BYTES + ")");
        }
    }

    static StagedItem endOf(long instanceId, String resource, long seq, long endpointId) {
        return new StagedItem(instanceId, resource, seq, endpointId, END, "", "{}");
    }

    /** The end mark of an endpoint: every item staged for the endpoint comes before it. */
    public boolean isEnd() {
        return END.equals(model);
    }

    public long getSeq() {
        return seq;
    }

    public long getEndpointId() {
        return endpointId;
    }

    public String getBody() {
        return Gzip.decompress(body);
    }
}
