package org.cephsync.batch;

import java.io.Serializable;

/**
 * Where a resource reader stands: in the staged read at {@code position} (1, 2, ...), {@code handed} of its
 * items handed on; one more than its item count once its end mark has been handed on too.
 */
public record ReaderCheckpoint(int position, int handed) implements Serializable {

    private static final long serialVersionUID = 2L;

    static final ReaderCheckpoint START = new ReaderCheckpoint(1, 0);
}
