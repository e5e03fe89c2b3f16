package org.cephsync.metrics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.cephsync.batch.ChunkWritten;

/** Counts what chunks wrote, once their transaction committed (a rolled-back chunk wrote nothing). */
@ApplicationScoped
public class ChunkMetrics {

    @Inject
    SyncMetrics metrics;

    void written(@Observes(during = TransactionPhase.AFTER_SUCCESS) ChunkWritten chunk) {
        metrics.itemsWritten(chunk.resource(), chunk.items(), chunk.counts().created(), chunk.counts().updated(),
                chunk.counts().unchanged());
    }
}
