package org.cephsync.batch;

import jakarta.batch.api.chunk.ItemProcessor;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.cephsync.inventory.InventoryRow;

/**
 * Maps one staged item onto its inventory row with the resource's mapper (no I/O); rows the fetch phase
 * mapped already and end marks pass through.
 */
@Named
@Dependent
public class ResourceProcessor implements ItemProcessor {

    @Inject
    StepContext step;

    @Override
    public Object processItem(Object item) {
        if (item instanceof EndpointEnd || item instanceof InventoryRow) {
            return item;
        }
        SourceItem source = (SourceItem) item;
        InventoryRow row = BatchContexts.resource(step).mapper().map(source.body());
        row.setEndpoint(source.endpointId());
        source.proxmox().referTo(row);
        return row;
    }
}
