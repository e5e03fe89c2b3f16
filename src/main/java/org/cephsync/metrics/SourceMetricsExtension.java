package org.cephsync.metrics;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import org.cephsync.source.CephSource;

/**
 * Puts {@link SourceTimed} on every class that implements {@link CephSource}, so the sources' requests are
 * measured without the sources knowing about metrics.
 */
public class SourceMetricsExtension implements Extension {

    <T extends CephSource> void timeSources(@Observes ProcessAnnotatedType<T> type) {
        Class<T> c = type.getAnnotatedType().getJavaClass();
        if (!c.isInterface() && !java.lang.reflect.Modifier.isAbstract(c.getModifiers())) {
            type.configureAnnotatedType().add(SourceTimed.Literal.INSTANCE);
        }
    }
}
