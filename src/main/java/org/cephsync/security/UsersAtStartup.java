package org.cephsync.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Says at startup which users can log in (names and roles, never hashes), and, when there are none, that
 * every API call will be refused and how to configure users.
 */
@ApplicationScoped
public class UsersAtStartup {

    private static final Logger LOG = Logger.getLogger(UsersAtStartup.class.getName());

    void started(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        ConfiguredUsers users = new ConfiguredUsers(ConfigProvider.getConfig());
        Set<String> names = users.names();
        if (names.isEmpty()) {
            LOG.warning("ceph-sync has no users configured: every /api call is refused with 401. Configure at least one, "
                    + "e.g. as system properties or environment variables: ceph-sync.users.<name>.password-hash=<hash> "
                    + "(make the hash with: java -cp ceph-sync/WEB-INF/classes org.cephsync.security.HashPassword) and "
                    + "ceph-sync.users.<name>.roles=" + Roles.ADMIN + " (or " + Roles.READER + "). See the README, section Users.");
            return;
        }
        List<String> described = new ArrayList<>();
        for (String name : names) {
            users.find(name).ifPresent(user -> {
                described.add(name + " " + user.roles());
                String problem = PasswordHashes.problem(user.passwordHash());
                if (problem != null) {
                    LOG.warning(() -> "user " + name + " cannot log in: its password hash is not usable: " + problem);
                }
                if (user.roles().stream().noneMatch(r -> r.equals(Roles.READER) || r.equals(Roles.ADMIN))) {
                    LOG.warning(() -> "user " + name + " has neither role " + Roles.READER + " nor " + Roles.ADMIN
                            + ": it can log in but not use the API");
                }
            });
        }
        LOG.info(() -> "ceph-sync users: " + String.join(", ", described));
    }
}
