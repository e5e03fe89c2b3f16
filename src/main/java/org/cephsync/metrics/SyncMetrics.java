package org.cephsync.metrics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Locale;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * ceph-sync's application metrics (MicroProfile Metrics 5: Payara 6 serves them at /metrics, Open Liberty's
 * mpMetrics-5.1 too), in Prometheus form e.g. {@code ceph_sync_runs_total{outcome="completed",mp_scope="application"}}:
 * <ul>
 *   <li>{@code ceph_sync_runs_total{outcome}}: executions of the ceph-sync job that ended since the server started,
 *       by batch status (completed, failed, stopped, abandoned);</li>
 *   <li>{@code ceph_sync_items_written_total{resource}}: items written by committed chunks, and
 *       {@code ceph_sync_rows_total{resource,change}}: what they did (created, updated, unchanged);</li>
 *   <li>{@code ceph_sync_source_request_seconds{source,operation}}: latency of each request to the source
 *       (each retry counts), {@code ceph_sync_source_errors_total{source,operation}}: the failed ones;</li>
 *   <li>{@code ceph_sync_schedule_ticks_total{result}}: scheduled ticks that started a sync, were skipped because a
 *       run was still running, failed to start one, or were left to another server sharing the database.</li>
 * </ul>
 */
@ApplicationScoped
public class SyncMetrics {

    @Inject
    MetricRegistry registry;

    public void runEnded(String batchStatus) {
        registry.counter(Metadata.builder().withName("ceph_sync_runs")
                        .withDescription("executions of the ceph-sync job that ended, by outcome (batch status)").build(),
                new Tag("outcome", batchStatus.toLowerCase(Locale.ROOT))).inc();
    }

    public void itemsWritten(String resource, long items, long created, long updated, long unchanged) {
        registry.counter(Metadata.builder().withName("ceph_sync_items_written")
                        .withDescription("items written to the inventory by committed chunks").build(),
                new Tag("resource", resource)).inc(items);
        rows(resource, "created", created);
        rows(resource, "updated", updated);
        rows(resource, "unchanged", unchanged);
    }

    private void rows(String resource, String change, long n) {
        registry.counter(Metadata.builder().withName("ceph_sync_rows")
                        .withDescription("inventory rows the writer created, updated or found unchanged").build(),
                new Tag("resource", resource), new Tag("change", change)).inc(n);
    }

    public void sourceRequest(String source, String operation, Duration took, boolean failed) {
        registry.timer(Metadata.builder().withName("ceph_sync_source_request")
                        .withDescription("requests to the Ceph source (proxbox-api or snapshot), each retry counted").build(),
                new Tag("source", source), new Tag("operation", operation)).update(took);
        if (failed) {
            registry.counter(Metadata.builder().withName("ceph_sync_source_errors")
                            .withDescription("requests to the Ceph source that failed (each retry counted)").build(),
                    new Tag("source", source), new Tag("operation", operation)).inc();
        }
    }

    public void scheduleTick(String result) {
        registry.counter(Metadata.builder().withName("ceph_sync_schedule_ticks")
                        .withDescription("ticks of the sync schedule: started, skipped (a run was still running), failed, or elsewhere (another server sharing the database took it)").build(),
                new Tag("result", result)).inc();
    }
}
