package org.cephsync.store;

/** A branch operation that the branch's status does not allow (merging a branch that is not ready). */
public class BranchStateException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public BranchStateException(String message) {
        super(message);
    }
}
