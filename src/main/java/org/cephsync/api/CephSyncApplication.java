package org.cephsync.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** Every REST call lives under /api. */
@ApplicationPath("/api")
public class CephSyncApplication extends Application {
}
