package org.cephsync.batch;

/** Fired (synchronously, on the batch thread) when an execution of the ceph-sync job begins, before its first step. */
public record ExecutionStarted(long executionId) {
}
