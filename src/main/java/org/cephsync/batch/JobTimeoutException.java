package org.cephsync.batch;

/** A run that went on longer than {@code ceph-sync.job-timeout}. */
public class JobTimeoutException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public JobTimeoutException(String message) {
        super(message);
    }
}
