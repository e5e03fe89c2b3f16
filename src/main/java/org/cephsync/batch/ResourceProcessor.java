package org.cephsync.batch;

import jakarta.batch.api.chunk.ItemProcessor;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.cephsync.inventory.InventoryRow;
import org.cephsync.inventory.JsonText;
import org.cephsync.store.StagedItem;

/** Maps one staged item onto its inventory row with the resource's mapper (no I/O); end marks pass through. */
@Named
@Dependent
public class ResourceProcessor implements ItemProcessor {

    @Inject
    StepContext step;

    @Override
    public Object processItem(Object item) {
        StagedItem staged = (StagedItem) item;
        if (staged.isEnd()) {
            return new EndpointEnd(staged.getEndpointId());
        }
        InventoryRow row = BatchContexts.resource(step).mapper().map(JsonText.parseObject(staged.getBody()));
        row.setEndpoint(staged.getEndpointId());
        return row;
    }
}
