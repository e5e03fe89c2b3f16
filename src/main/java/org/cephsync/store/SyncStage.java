package org.cephsync.store;

import jakarta.persistence.Column;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.TypedQuery;
import jakarta.persistence.UniqueConstraint;
import java.util.List;

/**
 * One resource's stage of a run: its status (pending, running, ok, error, stopped, skipped), its counts, and each
 * endpoint's outcome. Counts are added in the same transaction as the rows they count, so a rolled-back
 * chunk is not counted and a restart continues the figures where they were.
 */
@Entity
@Table(name = "sync_stage", uniqueConstraints = @UniqueConstraint(columnNames = {"instance_id", "resource"}))
public class SyncStage {

    public static final String PENDING = "pending";
    public static final String RUNNING = "running";
    public static final String OK = "ok";
    public static final String ERROR = "error";
    public static final String SKIPPED = "skipped";
    public static final String STOPPED = "stopped";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "stage_seq")
    @SequenceGenerator(name = "stage_seq", sequenceName = "stage_seq", allocationSize = 50)
    private Long id;

    @Column(name = "instance_id", nullable = false)
    private long instanceId;

    @Column(nullable = false, length = 32)
    private String resource;

    @Column(nullable = false)
    private int position;

    @Column(nullable = false, length = 16)
    private String status = PENDING;

    @Column(name = "runtime_seconds")
    private double runtimeSeconds;

    private long fetched;
    private long created;
    private long updated;
    private long deleted;
    private long unchanged;

    /** Up to {@link ErrorText#LIMIT} characters. */
    @Lob
    private String error;

    /** Each endpoint's outcome, a JSON list of {id, name, status, error?}. */
    @Lob
    private String endpoints;

    protected SyncStage() {
    }

    public SyncStage(long instanceId, String resource, int position, String status) {
        this.instanceId = instanceId;
        this.resource = resource;
        this.position = position;
        this.status = status;
    }

    public String getResource() {
        return resource;
    }

    public int getPosition() {
        return position;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    /** Nothing left to do: synced, or not asked for. */
    public boolean isDone() {
        return OK.equals(status) || SKIPPED.equals(status);
    }

    public double getRuntimeSeconds() {
        return runtimeSeconds;
    }

    public void addRuntime(double seconds) {
        this.runtimeSeconds += seconds;
    }

    public long getFetched() {
        return fetched;
    }

    public long getCreated() {
        return created;
    }

    public long getUpdated() {
        return updated;
    }

    public long getDeleted() {
        return deleted;
    }

    public long getUnchanged() {
        return unchanged;
    }

    public void count(WriteCounts counts) {
        fetched += counts.fetched();
        created += counts.created();
        updated += counts.updated();
        deleted += counts.deleted();
        unchanged += counts.unchanged();
    }

    public String getError() {
        return error;
    }

    public void setError(String error) {
        this.error = ErrorText.limit(error);
    }

    public List<EndpointOutcome> endpointOutcomes() {
        return EndpointOutcome.fromText(endpoints);
    }

    /** Records an endpoint's outcome in place of its earlier one. */
    void record(EndpointOutcome outcome) {
        endpoints = EndpointOutcome.toText(EndpointOutcome.replace(endpointOutcomes(), outcome));
    }

    /** The stage of a resource in a run, locked for the caller's transaction (its counts are added to). */
    static SyncStage locked(EntityManager em, long instanceId, String resource) {
        return query(em, instanceId, resource).setLockMode(LockModeType.PESSIMISTIC_WRITE).getSingleResult();
    }

    static SyncStage find(EntityManager em, long instanceId, String resource) {
        return query(em, instanceId, resource).getSingleResult();
    }

    private static TypedQuery<SyncStage> query(EntityManager em, long instanceId, String resource) {
        return em.createQuery("SELECT s FROM SyncStage s WHERE s.instanceId = :instance AND s.resource = :resource", SyncStage.class)
                .setParameter("instance", instanceId)
                .setParameter("resource", resource);
    }
}
