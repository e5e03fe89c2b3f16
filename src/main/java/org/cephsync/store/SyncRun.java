package org.cephsync.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import java.time.Instant;
import org.cephsync.inventory.DatabaseTime;

/**
 * The {@code ceph_sync} document of one run (one job instance, across its executions): what was asked,
 * which endpoints were in scope when it started, and how long it has run.
 */
@Entity
@Table(name = "sync_run")
public class SyncRun {

    @Id
    @Column(name = "instance_id")
    private Long instanceId;

    /** The requested resources, comma-separated wire names. */
    @Column(nullable = false, length = 255)
    private String resources;

    /** The endpoints in scope, as a JSON list of {id, name}; fixed at the first execution. */
    @Lob
    @Column(name = "endpoint_scope")
    private String endpointScope;

    @Column(name = "branch_schema_id", length = 8)
    private String branchSchemaId;

    private Instant created;

    /** When every requested stage had completed (the merge aside); null until then. */
    private Instant finished;

    @Column(name = "runtime_seconds")
    private double runtimeSeconds;

    /** Up to {@link ErrorText#LIMIT} characters. */
    @Lob
    private String error;

    /** The server that runs its latest execution (servers may share the database). */
    @Column(name = "server_name", length = 255)
    private String serverName;

    protected SyncRun() {
    }

    public SyncRun(long instanceId, String resources, Instant created) {
        this.instanceId = instanceId;
        this.resources = resources;
        this.created = DatabaseTime.of(created);
    }

    public String getServerName() {
        return serverName;
    }

    void setServerName(String serverName) {
        this.serverName = serverName;
    }

    public Long getInstanceId() {
        return instanceId;
    }

    public String getResources() {
        return resources;
    }

    public String getEndpointScope() {
        return endpointScope;
    }

    public void setEndpointScope(String endpointScope) {
        this.endpointScope = endpointScope;
    }

    public String getBranchSchemaId() {
        return branchSchemaId;
    }

    public void setBranchSchemaId(String branchSchemaId) {
        this.branchSchemaId = branchSchemaId;
    }

    public Instant getCreated() {
        return created;
    }

    public Instant getFinished() {
        return finished;
    }

    public void setFinished(Instant finished) {
        this.finished = DatabaseTime.of(finished);
    }

    public double getRuntimeSeconds() {
        return runtimeSeconds;
    }

    public void addRuntime(double seconds) {
        this.runtimeSeconds += seconds;
    }

    public String getError() {
        return error;
    }

    public void setError(String error) {
        this.error = ErrorText.limit(error);
    }
}
