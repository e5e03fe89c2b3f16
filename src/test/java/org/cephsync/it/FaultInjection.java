package org.cephsync.it;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.cephsync.batch.ChunkWritten;

/**
 * Test-only: added to the test deployment, never to the production WAR. Armed over HTTP for one resource,
 * it lets {@code after} chunks of that resource commit (or, for {@code process}, {@code after} items be
 * mapped) and then, once:
 * <ul>
 *   <li>{@code fail}: the chunk's write throws an exception (a database failure);</li>
 *   <li>{@code error}: the chunk's write throws an {@link OutOfMemoryError};</li>
 *   <li>{@code commit}: the chunk's commit fails (a synchronization refuses it);</li>
 *   <li>{@code process}: the processor throws while mapping an item ({@link FaultyProcessor});</li>
 *   <li>{@code pause}: the chunk's write waits, its transaction open, until {@code DELETE} (so that a
 *       test can stop the run at a known place); {@code GET} says whether a chunk is waiting.</li>
 * </ul>
 */
@ApplicationScoped
@Path("/test/faults")
public class FaultInjection {

    private volatile String resource;
    private volatile String kind;
    private volatile int after;
    private final AtomicInteger seen = new AtomicInteger();
    private volatile CountDownLatch paused = new CountDownLatch(0);
    private volatile boolean waiting;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @POST
    public void arm(@QueryParam("resource") String resource, @QueryParam("after") int after, @QueryParam("kind") String kind) {
        this.after = after;
        this.kind = kind == null ? "fail" : kind;
        this.seen.set(0);
        this.paused = new CountDownLatch(1);
        this.resource = resource;
    }

    @DELETE
    public void disarm() {
        resource = null;
        paused.countDown();
    }

    /** A REST call that fails the way a bug or a database would: with a message that must not reach the caller. */
    @GET
    @Path("unexpected")
    public String unexpected() {
        throw new IllegalStateException("ERROR: relation \"ceph_osd\" does not exist; SELECT id, content_hash FROM ceph_osd");
    }

    /** Whether a chunk is waiting in {@code pause}. */
    @GET
    public boolean waiting() {
        return waiting;
    }

    /** Whether the armed fault of {@code kind} is due now for one more chunk (or item) of {@code resource}. */
    boolean due(String resource, String... kinds) {
        if (!resource.equals(this.resource) || !java.util.List.of(kinds).contains(kind)) {
            return false;
        }
        if (seen.incrementAndGet() <= after) {
            return false;
        }
        this.resource = null;
        return true;
    }

    void onChunk(@Observes ChunkWritten chunk) throws InterruptedException {
        if (!due(chunk.resource(), "fail", "error", "commit", "pause")) {
            return;
        }
        String where = "chunk " + seen.get() + " of " + chunk.resource();
        switch (kind) {
            case "error" -> throw new OutOfMemoryError("injected error while writing " + where);
            case "commit" -> transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                    throw new IllegalStateException("injected failure of the commit of " + where);
                }

                @Override
                public void afterCompletion(int status) {
                }
            });
            case "pause" -> {
                waiting = true;
                try {
                    paused.await(60, TimeUnit.SECONDS);
                } finally {
                    waiting = false;
                }
            }
            default -> throw new IllegalStateException("injected failure while writing " + where);
        }
    }
}
