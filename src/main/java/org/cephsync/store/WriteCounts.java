package org.cephsync.store;

/** What a write did to the inventory, added up per stage. */
public record WriteCounts(long fetched, long created, long updated, long deleted, long unchanged) {

    public static final WriteCounts NONE = new WriteCounts(0, 0, 0, 0, 0);

    public static WriteCounts fetched(long n) {
        return new WriteCounts(n, 0, 0, 0, 0);
    }

    public static WriteCounts deleted(long n) {
        return new WriteCounts(0, 0, 0, n, 0);
    }

    public WriteCounts plus(WriteCounts o) {
        return new WriteCounts(fetched + o.fetched, created + o.created, updated + o.updated,
                deleted + o.deleted, unchanged + o.unchanged);
    }
}
