package org.cephsync.security;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.Config;

/**
 * The users, straight from MicroProfile Config (so any config source works: system properties, environment
 * variables, a --systemproperties file, microprofile-config.properties):
 *
 * <pre>
 *   ceph-sync.users.&lt;name&gt;.password-hash = PBKDF2WithHmacSHA256:210000:&lt;salt&gt;:&lt;hash&gt;
 *   ceph-sync.users.&lt;name&gt;.roles         = ceph-sync-admin          (comma-separated)
 * </pre>
 *
 * or, as environment variables, {@code CEPH_SYNC_USERS_<NAME>_PASSWORD_HASH} / {@code CEPH_SYNC_USERS_<NAME>_ROLES}
 * (the name is then taken in lower case). Names are letters, digits, '_' and '-'. Values are read on every
 * lookup, never cached here and never logged.
 */
final class ConfiguredUsers {

    static final String PREFIX = "ceph-sync.users.";
    static final String HASH = ".password-hash";
    static final String ROLES = ".roles";
    static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern DOTTED = Pattern.compile(Pattern.quote(PREFIX) + "([A-Za-z0-9_-]{1,64})" + Pattern.quote(HASH));
    private static final Pattern ENV = Pattern.compile("CEPH_SYNC_USERS_([A-Za-z0-9_-]{1,64})_PASSWORD_HASH");

    record User(String name, String passwordHash, Set<String> roles) {
    }

    private final Config config;

    ConfiguredUsers(Config config) {
        this.config = config;
    }

    Optional<User> find(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            return Optional.empty();
        }
        Optional<String> hash = config.getOptionalValue(PREFIX + name + HASH, String.class)
                .or(() -> config.getOptionalValue(PREFIX + name.toLowerCase(Locale.ROOT) + HASH, String.class))
                .filter(h -> !h.isBlank());
        return hash.map(h -> new User(name, h.trim(), roles(name)));
    }

    private Set<String> roles(String name) {
        String csv = config.getOptionalValue(PREFIX + name + ROLES, String.class)
                .or(() -> config.getOptionalValue(PREFIX + name.toLowerCase(Locale.ROOT) + ROLES, String.class))
                .orElse("");
        return Arrays.stream(csv.split(",")).map(String::trim).filter(r -> !r.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** Every user name some config source defines a password hash for. */
    Set<String> names() {
        Set<String> names = new TreeSet<>();
        for (String property : config.getPropertyNames()) {
            Matcher m = DOTTED.matcher(property);
            if (m.matches()) {
                names.add(m.group(1));
                continue;
            }
            m = ENV.matcher(property);
            if (m.matches()) {
                names.add(m.group(1).toLowerCase(Locale.ROOT));
            }
        }
        return names;
    }
}
