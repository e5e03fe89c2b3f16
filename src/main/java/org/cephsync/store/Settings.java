package org.cephsync.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The settings row, created on first use from {@code ceph-sync.branching.*} and
 * {@code ceph-sync.sync-interval-minutes}, changed through the settings API afterwards. A change fires a
 * {@link CephPluginSettings} event so that whoever depends on it (the schedule) follows without a restart.
 */
@ApplicationScoped
@TransactionBoundary
public class Settings {

    @PersistenceContext
    EntityManager em;

    @Inject
    Event<CephPluginSettings> changed;

    @Inject
    @ConfigProperty(name = "ceph-sync.branching.enabled", defaultValue = "false")
    boolean initialBranching;

    @Inject
    @ConfigProperty(name = "ceph-sync.branching.prefix", defaultValue = "ceph-sync")
    String initialPrefix;

    @Inject
    @ConfigProperty(name = "ceph-sync.branching.on-conflict", defaultValue = CephPluginSettings.FAIL)
    String initialPolicy;

    @Inject
    @ConfigProperty(name = "ceph-sync.sync-interval-minutes")
    Optional<Integer> initialInterval;

    public CephPluginSettings current() {
        CephPluginSettings settings = em.find(CephPluginSettings.class, CephPluginSettings.SINGLETON_ID);
        if (settings == null) {
            settings = new CephPluginSettings();
            settings.setBranchingEnabled(initialBranching);
            settings.setBranchNamePrefix(initialPrefix);
            settings.setBranchOnConflict(CephPluginSettings.CONFLICT_POLICIES.contains(initialPolicy) ? initialPolicy : CephPluginSettings.FAIL);
            settings.setSyncIntervalMinutes(initialInterval.filter(m -> m > 0).orElse(null));
            settings.touch(java.time.Instant.now());
            em.persist(settings);
        }
        return settings;
    }

    /** Applies validated changes: {@code changes} edits the managed row, then listeners are told. */
    public CephPluginSettings update(java.util.function.Consumer<CephPluginSettings> changes) {
        CephPluginSettings settings = current();
        changes.accept(settings);
        settings.touch(java.time.Instant.now());
        em.flush();
        changed.fire(settings);
        return settings;
    }
}
