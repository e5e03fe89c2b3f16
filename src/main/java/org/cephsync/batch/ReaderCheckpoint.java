package org.cephsync.batch;

import java.io.Serializable;

/**
 * Where a partition's reader stands in its endpoint's staged read: {@code handed} of its items handed on; one
 * more than its item count once its end mark has been handed on too.
 */
public record ReaderCheckpoint(int handed) implements Serializable {

    private static final long serialVersionUID = 3L;
}
