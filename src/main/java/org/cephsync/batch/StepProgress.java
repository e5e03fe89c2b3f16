package org.cephsync.batch;

import jakarta.batch.runtime.context.StepContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cephsync.inventory.InventoryRow;

/**
 * What the artifacts of one step execution tell each other, kept as the step context's transient data: that
 * the rows the fetch phase mapped, by staged read, so that the reader hands them on without reading back and
 * mapping again what this execution staged itself; that the reader has just handed on an endpoint's end mark
 * (the chunk ends there, see {@link EndpointCheckpoints}), and the first failure any of them saw (the batch runtime does not pass every failure on to the step's
 * listeners: STACK.md, pitfall 14).
 */
final class StepProgress {

    /** The rows of one staged read, mapped by the fetch phase of this execution, each with its endpoint set. */
    record MappedRead(long endpointId, List<InventoryRow> rows) {
    }

    private final Map<Integer, MappedRead> mapped = new HashMap<>();
    private boolean endOfEndpoint;
    private Throwable failure;

    static StepProgress of(StepContext step) {
        if (step.getTransientUserData() instanceof StepProgress progress) {
            return progress;
        }
        StepProgress progress = new StepProgress();
        step.setTransientUserData(progress);
        return progress;
    }

    void keepMapped(Map<Integer, MappedRead> byPosition) {
        mapped.putAll(byPosition);
    }

    /** The mapped rows of the staged read at {@code position}, handed over once (the reader holds them from then on). */
    Optional<MappedRead> takeMapped(int position) {
        return Optional.ofNullable(mapped.remove(position));
    }

    void endOfEndpoint() {
        endOfEndpoint = true;
    }

    /** Whether an end mark was handed on since the last call. */
    boolean takeEndOfEndpoint() {
        boolean was = endOfEndpoint;
        endOfEndpoint = false;
        return was;
    }

    void failed(Throwable t) {
        if (failure == null) {
            failure = t;
        }
    }

    Throwable failure() {
        return failure;
    }
}
