package org.cephsync.batch;

/** An endpoint's end mark on its way from the reader to the writer: everything of the endpoint came before it. */
record EndpointEnd(long endpointId) {
}
