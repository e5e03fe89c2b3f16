package org.cephsync.batch;

import jakarta.annotation.Resource;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.cephsync.inventory.InventoryModel;
import org.cephsync.inventory.InventoryRow;
import org.cephsync.mapping.ClusterStatus;
import org.cephsync.mapping.SourcePayloads;
import org.cephsync.resource.CephResource;
import org.cephsync.source.CephSource;
import org.cephsync.source.EndpointInfo;
import org.cephsync.store.EndpointOutcome;
import org.cephsync.store.Staging;
import org.cephsync.store.SyncRuns;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The first phase of a resource's step, before its partitions and outside any transaction (the batch runtime
 * runs step listeners at the step's own level only; a partition's reader opens in a transaction): every endpoint in
 * scope that this run has not read yet (or could not read) is fetched from the source, and what came back
 * is staged with the endpoint's outcome, one short transaction per endpoint. A slow or failing endpoint
 * therefore holds no database connection or lock while it is read, and never rolls back what the others
 * staged; it is recorded with its reason and read again by a restart. Up to {@code ceph-sync.parallel-endpoints}
 * endpoints (default 4) are read at the same time, on threads of the server's managed thread factory: a run
 * over many endpoints waits on the slowest few, not on the sum of them all.
 */
@Dependent
public class ResourceFetch {

    private static final Logger LOG = Logger.getLogger(ResourceFetch.class.getName());
    private static final long STOP_CHECK_MILLIS = 200;
    /** How many endpoints a step reads, and writes (its partitions), at the same time. */
    static final String PARALLEL_ENDPOINTS = "ceph-sync.parallel-endpoints";
    static final String DEFAULT_PARALLEL_ENDPOINTS = "4";
    /**
     * How many mapped rows of one step the fetch keeps for the partitions (an OSD row holds its metadata as
     * text); reads beyond it are mapped again from their staged items, so the memory a step holds does not grow
     * with the number of endpoints.
     */
    static final int MAPPED_ROWS_KEPT = 20_000;

    @Inject
    CephSource source;

    @Inject
    Staging staging;

    @Inject
    SyncRuns runs;

    @Inject
    ClusterStatuses clusterStatuses;

    @Resource
    ManagedThreadFactory threads;

    @Inject
    @ConfigProperty(name = PARALLEL_ENDPOINTS, defaultValue = DEFAULT_PARALLEL_ENDPOINTS)
    int parallelEndpoints;

    /**
     * Fetches and stages what the run has not read yet.
     *
     * @return the rows the staged reads map to, by endpoint id, for the partitions of this execution
     */
    Map<Long, List<InventoryRow>> fetchUnread(JobContext job, CephResource resource) {
        long instanceId = job.getInstanceId();
        long executionId = job.getExecutionId();
        RunClock clock = BatchContexts.clock(job);
        Set<Long> read = runs.endpoints(instanceId, resource.wireName()).stream()
                .filter(o -> !o.failed()).map(EndpointOutcome::id).collect(Collectors.toSet());
        Queue<EndpointInfo> unread = runs.scope(instanceId).stream().filter(e -> !read.contains(e.id()))
                .collect(Collectors.toCollection(ConcurrentLinkedQueue::new));
        int workers = Math.min(Math.max(1, parallelEndpoints), unread.size());
        AtomicBoolean stopping = new AtomicBoolean(job.getBatchStatus() == BatchStatus.STOPPING);
        Map<Long, List<InventoryRow>> mapped = new ConcurrentHashMap<>();
        AtomicInteger keep = new AtomicInteger(MAPPED_ROWS_KEPT);
        Runnable worker = () -> {
            for (EndpointInfo endpoint; !stopping.get() && (endpoint = unread.poll()) != null; ) {
                long id = endpoint.id();
                fetchAndStage(instanceId, executionId, clock, resource, endpoint).ifPresent(rows -> {
                    if (keep.addAndGet(-rows.size()) >= 0) {
                        mapped.put(id, rows);
                    }
                });
            }
        };
        if (workers <= 1) {
            worker.run();
            return mapped;
        }
        ExecutorService pool = Executors.newFixedThreadPool(workers, threads);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < workers; i++) {
                running.add(pool.submit(worker));
            }
            Throwable failure = null;
            for (Future<?> each : running) {
                Throwable thrown = awaitWatchingForStop(each, job, stopping);
                failure = failure == null ? thrown : failure;
            }
            if (failure instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (failure instanceof Error error) {
                throw error;
            }
            return mapped;
        } finally {
            // not shutdownNow: an interrupt in the middle of a staging transaction would fail it for no reason
            pool.shutdown();
        }
    }

    /**
     * Waits for one worker and returns what it threw, if anything. Meanwhile a stop of the job, or a worker's
     * failure, lets the workers finish the endpoint in hand and take no other.
     */
    private static Throwable awaitWatchingForStop(Future<?> worker, JobContext job, AtomicBoolean stopping) {
        while (true) {
            try {
                worker.get(STOP_CHECK_MILLIS, TimeUnit.MILLISECONDS);
                return null;
            } catch (TimeoutException notYet) {
                stopping.compareAndSet(false, job.getBatchStatus() == BatchStatus.STOPPING);
            } catch (ExecutionException e) {
                stopping.set(true);
                return e.getCause();
            } catch (InterruptedException e) {
                stopping.set(true);
                Thread.currentThread().interrupt();
                return new IllegalStateException("interrupted while the endpoints were fetched", e);
            }
        }
    }

    /** Reads one endpoint and stages what came back, or records why it could not be read (empty). */
    private Optional<List<InventoryRow>> fetchAndStage(long instanceId, long executionId, RunClock clock, CephResource resource, EndpointInfo endpoint) {
        List<InventoryRow> rows = new ArrayList<>();
        FutureTask<byte[]> compressed;
        try {
            clock.check();
            List<JsonObject> split = resource.mapper().split(fetch(executionId, resource, endpoint));
            // written out and gzipped for staging on a second thread while this one maps the items
            compressed = new FutureTask<>(() -> Staging.compress(split));
            threads.newThread(compressed).start();
            for (JsonObject item : split) {
                InventoryRow row = resource.mapper().map(item);
                row.setEndpoint(endpoint.id());
                endpoint.proxmox().referTo(row);
                rows.add(row);
            }
        } catch (RuntimeException e) {
            String reason = FailureReason.of(e);
            LOG.warning(() -> "ceph-sync run " + instanceId + ": reading " + resource.wireName()
                    + " of endpoint " + endpoint.name() + " failed: " + reason);
            staging.failed(instanceId, resource.wireName(), endpoint, reason);
            return Optional.empty();
        }
        List<Staging.RowKey> keys = rows.stream()
                .map(row -> new Staging.RowKey(InventoryModel.of(row).path(), row.naturalKey())).toList();
        staging.stage(instanceId, resource.wireName(), endpoint, await(compressed), keys);
        return Optional.of(rows);
    }

    /** What the task made, or what it threw (an {@code OutOfMemoryError} stays one). */
    private static <T> T await(FutureTask<T> task) {
        try {
            return task.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the items were compressed for staging", e);
        }
    }

    /** One request per path of the resource, against the node the cluster status says to ask. */
    private SourcePayloads fetch(long executionId, CephResource resource, EndpointInfo endpoint) {
        Map<String, JsonValue> bodies = new LinkedHashMap<>();
        JsonValue clusterStatus = clusterStatuses.of(executionId, endpoint.id(),
                () -> source.read(endpoint.name(), CephResource.CLUSTER_STATUS, Set.of()));
        bodies.put(CephResource.CLUSTER_STATUS, clusterStatus);
        String node = null;
        for (String path : resource.paths()) {
            if (path.contains("{node}") && node == null) {
                node = ClusterStatus.nodeToAsk(clusterStatus);
            }
            bodies.put(path, source.read(endpoint.name(), node == null ? path : path.replace("{node}", node),
                    resource.mapper().unreadMembers(path)));
        }
        return new SourcePayloads(endpoint.name(), bodies);
    }
}
