package org.cephsync.security;

/** The application's two roles. An identity store group of the same name grants the role (Jakarta Security's default mapping). */
public final class Roles {

    /** Reads jobs, inventory, endpoints, settings and branches. */
    public static final String READER = "ceph-sync-reader";
    /** Starts, restarts and stops syncs, changes settings, merges branches; may also read. */
    public static final String ADMIN = "ceph-sync-admin";

    private Roles() {
    }
}
