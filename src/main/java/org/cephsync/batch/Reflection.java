package org.cephsync.batch;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.cephsync.inventory.InventoryModel;
import org.cephsync.inventory.InventoryRow;
import org.cephsync.inventory.JsonText;
import org.cephsync.mapping.CephResource;
import java.time.Instant;
import org.cephsync.store.Branches;
import org.cephsync.store.InventoryStore;
import org.cephsync.store.StagedItem;
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

    private static final int PAGE = 1000;

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
        Set<String> keep = new HashSet<>();
        for (InventoryModel model : resource.models()) {
            keep.clear();
            long after = 0;
            List<StagedItem> page;
            do {
                page = staging.page(instanceId, resource.wireName(), endpointId, after, PAGE);
                for (StagedItem item : page) {
                    InventoryRow row = resource.mapper().map(JsonText.parseObject(item.getBody()));
                    if (InventoryModel.of(row) == model) {
                        keep.add(row.naturalKey());
                    }
                    after = item.getSeq();
                }
            } while (page.size() == PAGE);
            long deleted = store.sweep(endpointId, model, keep, target, Instant.now());
            if (deleted > 0) {
                runs.count(instanceId, resource.wireName(), WriteCounts.deleted(deleted));
            }
        }
    }
}
