package org.cephsync.batch;

import java.io.Serializable;

/** Where a resource reader stands: the last staged item it handed on. */
public record ReaderCheckpoint(long lastSeq) implements Serializable {
}
