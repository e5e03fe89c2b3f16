package org.cephsync.batch;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Set;
import org.cephsync.inventory.InventoryModel;
import org.cephsync.mapping.CephResource;
import org.cephsync.store.Branches;
import org.cephsync.store.InventoryStore;
import org.cephsync.store.Staging;
import org.cephsync.store.SyncRuns;
import org.cephsync.store.WriteCounts;
import org.cephsync.store.WriteTarget;

/**
 * Reflection of deletions: what a complete read of an endpoint no longer lists is removed from the
 * inventory. The keys kept are those of the items staged for that endpoint in this run.
 */
// @Dependent, not @ApplicationScoped: Payara's @Transactional interceptor keeps per-instance state, and
// one instance shared by a batch thread and request threads can leave a batch thread unable to begin
// the chunk transactions it runs itself ("Operation not allowed").
@Dependent
@Transactional
public class Reflection {

    @Inject
    Staging staging;

    @Inject
    InventoryStore store;

    @Inject
    SyncRuns runs;

    @Inject
    Branches branches;

    public void sweep(long instanceId, CephResource resource, long endpointId) {
        WriteTarget target = branches.target(runs.find(instanceId).orElseThrow().getBranchSchemaId());
        for (InventoryModel model : resource.models()) {
            Set<String> keep = staging.naturalKeys(instanceId, resource.wireName(), endpointId, model.path());
            long deleted = store.sweep(endpointId, model, keep, target, Instant.now());
            if (deleted > 0) {
                runs.count(instanceId, resource.wireName(), WriteCounts.deleted(deleted));
            }
        }
    }
}
