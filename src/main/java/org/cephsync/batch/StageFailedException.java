package org.cephsync.batch;

/** A stage that could not read every endpoint in scope: the rest was written, the step fails for a restart. */
public class StageFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StageFailedException(String message) {
        super(message);
    }
}
