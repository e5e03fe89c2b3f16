package org.cephsync.metrics;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;

/**
 * Measures {@code endpoints()} and {@code read(...)} of a Ceph source. Its priority puts it inside MicroProfile
 * Fault Tolerance's interceptor (PLATFORM_AFTER + 10), so every attempt of a retried request is measured.
 */
@SourceTimed
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_AFTER + 100)
public class SourceTimingInterceptor {

    private static final Set<String> REQUESTS = Set.of("endpoints", "read");

    @Inject
    SyncMetrics metrics;

    @AroundInvoke
    Object time(InvocationContext call) throws Exception {
        String operation = call.getMethod().getName();
        if (!REQUESTS.contains(operation)) {
            return call.proceed();
        }
        long start = System.nanoTime();
        boolean failed = true;
        try {
            Object result = call.proceed();
            failed = false;
            return result;
        } finally {
            metrics.sourceRequest(source(call.getTarget()), operation, Duration.ofNanos(System.nanoTime() - start), failed);
        }
    }

    /** "proxbox" for ProxboxSource (or its proxy subclass), "snapshot" for SnapshotSource. */
    static String source(Object target) {
        Class<?> c = target.getClass();
        while (c != null && !c.getSimpleName().endsWith("Source")) {
            c = c.getSuperclass();
        }
        String name = c == null ? target.getClass().getSimpleName() : c.getSimpleName();
        return name.replaceFirst("Source$", "").replaceAll("\\$.*", "").toLowerCase(Locale.ROOT);
    }
}
