package org.cephsync.store;

import java.io.Serializable;

/** Where a sync writes: main, or a branch over main (by the branch's id). */
public record WriteTarget(Long branchId) implements Serializable {

    public static final WriteTarget MAIN = new WriteTarget(null);

    public boolean isBranch() {
        return branchId != null;
    }
}
