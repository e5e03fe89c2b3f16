package org.cephsync.batch;

/** A start or restart that would break "one run at a time" or replay stale data: a 409 for the caller. */
public class RunConflictException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public RunConflictException(String message) {
        super(message);
    }
}
