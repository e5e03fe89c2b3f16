package org.cephsync.batch;

import jakarta.json.JsonObject;

/** One staged item on its way from the reader to the processor, with the endpoint it was read from. */
record SourceItem(long endpointId, JsonObject body) {
}
