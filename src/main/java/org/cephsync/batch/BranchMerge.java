package org.cephsync.batch;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.logging.Logger;
import org.cephsync.store.Branch;
import org.cephsync.store.Branches;
import org.cephsync.store.CephPluginSettings;
import org.cephsync.store.MergeOutcome;
import org.cephsync.store.Settings;
import org.cephsync.store.SyncRun;
import org.cephsync.store.SyncRuns;

/**
 * The last step: merges the run's branch into main under the conflict policy in force now. With policy
 * {@code fail}, conflicts leave the branch open and fail the step (so the run can be restarted once they
 * are resolved, merging then); with {@code acknowledge}, the branch's values win. Runs without a branch
 * have nothing to merge.
 */
@Named
@Dependent
public class BranchMerge extends AbstractBatchlet {

    private static final Logger LOG = Logger.getLogger(BranchMerge.class.getName());

    @Inject
    JobContext job;

    @Inject
    SyncRuns runs;

    @Inject
    Branches branches;

    @Inject
    Settings settings;

    @Override
    public String process() {
        long instanceId = job.getInstanceId();
        SyncRun run = runs.find(instanceId).orElseThrow();
        if (run.getBranchSchemaId() == null) {
            return "NO_BRANCH";
        }
        Branch branch = branches.bySchemaId(run.getBranchSchemaId()).orElseThrow();
        if (Branch.MERGED.equals(branch.getStatus())) {
            return "MERGED";
        }
        boolean acknowledge = CephPluginSettings.ACKNOWLEDGE.equals(settings.current().getBranchOnConflict());
        MergeOutcome outcome = branches.merge(branch.getId(), true, acknowledge, Branch.MERGED_BY_RUN);
        if (!outcome.applied()) {
            String reason = "branch " + branch.getName() + " was not merged: " + outcome.conflicts().size()
                    + " change(s) conflict with main (policy fail): " + outcome.describeConflicts();
            runs.setRunError(instanceId, reason);
            throw new StageFailedException(reason);
        }
        runs.setRunError(instanceId, null);
        LOG.info(() -> "ceph-sync run " + instanceId + " merged branch " + branch.getName() + ": "
                + outcome.changes().size() + " change(s), " + outcome.conflicts().size() + " conflict(s) acknowledged");
        return "MERGED";
    }
}
