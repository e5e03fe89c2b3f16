package org.cephsync.store;

import java.util.List;

/**
 * What a merge did or would do: the changes it applies, the ones in conflict with main, and whether it
 * was applied (a dry run, or unacknowledged conflicts, apply nothing).
 */
public record MergeOutcome(Branch branch, List<BranchChange> changes, List<BranchChange> conflicts, boolean applied) {

    /** "osds osd.2 [\"metadata\",\"pgs\"]; pools vm-pool [\"deleted in main\"]" */
    public String describeConflicts() {
        return String.join("; ", conflicts.stream()
                .map(c -> c.getModel() + " " + c.display() + " " + c.getConflicts().toString())
                .toList());
    }
}
