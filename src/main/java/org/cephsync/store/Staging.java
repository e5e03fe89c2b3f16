package org.cephsync.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.cephsync.inventory.JsonText;
import org.cephsync.source.EndpointInfo;

/**
 * What a run read, one {@link StagedRead} per resource and endpoint, kept while the run can still be
 * restarted: a restart maps exactly the data the first execution read. The endpoint's partition hands on the
 * read's items and then its end mark, the point where the endpoint's deletions are reflected.
 */
@ApplicationScoped
@TransactionBoundary
public class Staging {

    @PersistenceContext
    EntityManager em;

    /** The model and natural key of the row a staged item maps to. */
    public record RowKey(String model, String naturalKey) {
    }

    /** One staged read as the reader needs it: whose it is, how many items, and the items themselves. */
    public record Read(long endpointId, int itemCount, byte[] gzippedItems) {
        public StagedItems items() {
            return new StagedItems(gzippedItems, itemCount);
        }
    }

    /**
     * Stages one endpoint's items ({@link #compress}ed) after the resource's earlier reads, with the keys of the
     * rows they map to (one per item, in the same order), and records the endpoint as fetched, in one transaction.
     */
    public void stage(long instanceId, String resource, EndpointInfo endpoint, byte[] gzippedItems, List<RowKey> rows) {
        Map<String, JsonArrayBuilder> keys = new LinkedHashMap<>();
        for (RowKey row : rows) {
            keys.computeIfAbsent(row.model(), m -> JsonText.json().createArrayBuilder()).add(row.naturalKey());
        }
        JsonObjectBuilder keysByModel = JsonText.json().createObjectBuilder();
        keys.forEach(keysByModel::add);
        byte[] naturalKeys = Gzip.compress(keysByModel.build().toString());
        // the stage's row lock first: partitions stage one after the other, each read at the next position
        SyncStage stage = SyncStage.locked(em, instanceId, resource);
        int position = em.createQuery("SELECT COALESCE(MAX(s.position), 0) FROM StagedRead s WHERE s.instanceId = :instance AND s.resource = :resource", Integer.class)
                .setParameter("instance", instanceId)
                .setParameter("resource", resource)
                .getSingleResult() + 1;
        em.persist(new StagedRead(instanceId, resource, position, endpoint.id(), rows.size(), gzippedItems, naturalKeys));
        stage.record(EndpointOutcome.fetched(endpoint.id(), endpoint.name(), rows.size()));
        stage.count(WriteCounts.fetched(rows.size()));
    }

    /**
     * A read's items as they are staged: a gzipped JSON array, in split order. CPU work only, to be done before
     * (and outside) the transaction of {@link #stage}.
     */
    public static byte[] compress(List<JsonObject> items) {
        return Gzip.compressArray(items);
    }

    /** Records that an endpoint could not be read (nothing of it is staged); a restart reads it again. */
    public void failed(long instanceId, String resource, EndpointInfo endpoint, String reason) {
        SyncStage.locked(em, instanceId, resource).record(EndpointOutcome.failed(endpoint.id(), endpoint.name(), reason));
    }

    /** The endpoint's staged read for the resource, if the run staged one. */
    public Optional<Read> read(long instanceId, String resource, long endpointId) {
        return em.createQuery("SELECT s FROM StagedRead s WHERE s.instanceId = :instance AND s.resource = :resource AND s.endpointId = :endpoint", StagedRead.class)
                .setParameter("instance", instanceId)
                .setParameter("resource", resource)
                .setParameter("endpoint", endpointId)
                .getResultStream().findFirst()
                .map(s -> new Read(s.getEndpointId(), s.getItemCount(), s.getItems()));
    }

    /**
     * The natural keys, by model, of the rows an endpoint's read maps to: what its complete read keeps. Empty
     * when nothing is staged for it (its staged data is gone: nothing may be deleted then).
     */
    public Optional<Map<String, Set<String>>> naturalKeys(long instanceId, String resource, long endpointId) {
        return em.createQuery("SELECT s FROM StagedRead s WHERE s.instanceId = :instance AND s.resource = :resource AND s.endpointId = :endpoint", StagedRead.class)
                .setParameter("instance", instanceId)
                .setParameter("resource", resource)
                .setParameter("endpoint", endpointId)
                .getResultStream().findFirst()
                .map(s -> {
                    JsonObject byModel = JsonText.parseObject(Gzip.decompress(s.getNaturalKeys()));
                    Map<String, Set<String>> keys = new LinkedHashMap<>();
                    byModel.forEach((model, list) -> keys.put(model, list.asJsonArray().stream()
                            .map(v -> ((JsonString) v).getString()).collect(Collectors.toSet())));
                    return keys;
                });
    }

    /**
     * Drops what a run that has now finished staged, and what older runs staged for the resources and
     * endpoints it synced completely: replaying that would write older data over newer rows.
     *
     * @return how many staged reads were dropped
     */
    public int purgeFinished(long instanceId, Collection<String> resources, Collection<Long> endpointIds) {
        int purged = em.createQuery("DELETE FROM StagedRead s WHERE s.instanceId = :instance")
                .setParameter("instance", instanceId)
                .executeUpdate();
        if (resources.isEmpty() || endpointIds.isEmpty()) {
            return purged;
        }
        return purged + em.createQuery("DELETE FROM StagedRead s WHERE s.instanceId < :instance AND s.resource IN :resources AND s.endpointId IN :endpoints")
                .setParameter("instance", instanceId)
                .setParameter("resources", resources)
                .setParameter("endpoints", endpointIds)
                .executeUpdate();
    }

    /** Drops the staged data of runs opened before {@code cutoff} ({@code ceph-sync.staging.retention}). */
    public int purgeRunsOpenedBefore(Instant cutoff) {
        return em.createQuery("DELETE FROM StagedRead s WHERE s.instanceId IN (SELECT r.instanceId FROM SyncRun r WHERE r.created < :cutoff)")
                .setParameter("cutoff", cutoff)
                .executeUpdate();
    }
}
