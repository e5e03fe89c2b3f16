package org.cephsync.batch;

import jakarta.enterprise.context.ApplicationScoped;
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
@ApplicationScoped
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
