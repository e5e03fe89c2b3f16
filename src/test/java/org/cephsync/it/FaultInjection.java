package org.cephsync.it;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.util.concurrent.atomic.AtomicInteger;
import org.cephsync.batch.ChunkWritten;

/**
 * Test-only: added to the test deployment, never to the production WAR. Armed over HTTP, it fails the
 * write of a resource's chunk after a number of its chunks have committed, the way a crash of the
 * database or the server would in the middle of a step.
 */
@ApplicationScoped
@Path("/test/faults")
public class FaultInjection {

    private volatile String resource;
    private volatile int chunksBeforeFailure;
    private final AtomicInteger chunksSeen = new AtomicInteger();

    @POST
    public void arm(@QueryParam("resource") String resource, @QueryParam("after") int chunks) {
        this.chunksBeforeFailure = chunks;
        this.chunksSeen.set(0);
        this.resource = resource;
    }

    @DELETE
    public void disarm() {
        resource = null;
    }

    void onChunk(@Observes ChunkWritten chunk) {
        if (chunk.resource().equals(resource) && chunksSeen.incrementAndGet() > chunksBeforeFailure) {
            throw new IllegalStateException("injected failure while writing chunk " + chunksSeen.get()
                    + " of " + chunk.resource());
        }
    }
}
