package org.cephsync.batch;

import org.cephsync.store.WriteCounts;

/** Fired (synchronously, inside the chunk's transaction) after a chunk's rows are written. */
public record ChunkWritten(long instanceId, String resource, int items, WriteCounts counts) {
}
