package org.cephsync.batch;

import jakarta.json.JsonObject;
import org.cephsync.inventory.ProxmoxObjects;

/** One staged item on its way from the reader to the processor, with the endpoint it was read from and its NetBox objects. */
record SourceItem(long endpointId, ProxmoxObjects proxmox, JsonObject body) {
}
