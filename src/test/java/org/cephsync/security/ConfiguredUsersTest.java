package org.cephsync.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigValue;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.eclipse.microprofile.config.spi.Converter;
import org.junit.jupiter.api.Test;

/** Users as MicroProfile Config gives them: dotted keys, environment variables, nothing at all. */
class ConfiguredUsersTest {

    private static final String HASH = "PBKDF2WithHmacSHA256:2048:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=:"
            + "7jcm9wFMKiyGgoYkQcBV1SiN0HJS/EHj8ORHVp0+c6g=";

    @Test
    void noUsersConfiguredMeansNobodyGetsIn() {
        ConfiguredUsers users = new ConfiguredUsers(new MapConfig(Map.of("proxbox.url", "http://x")));
        assertEquals(Set.of(), users.names());
        assertTrue(users.find("admin").isEmpty(), "no built-in user, no default password");
    }

    @Test
    void dottedKeysGiveNamesHashesAndRoles() {
        ConfiguredUsers users = new ConfiguredUsers(new MapConfig(Map.of(
                "ceph-sync.users.alice.password-hash", HASH,
                "ceph-sync.users.alice.roles", " ceph-sync-admin , ceph-sync-reader ",
                "ceph-sync.users.grafana.password-hash", HASH,
                "ceph-sync.users.grafana.roles", "ceph-sync-reader",
                "ceph-sync.users.empty.password-hash", " ")));
        assertEquals(Set.of("alice", "grafana", "empty"), users.names());
        ConfiguredUsers.User alice = users.find("alice").orElseThrow();
        assertEquals(HASH, alice.passwordHash());
        assertEquals(List.of("ceph-sync-admin", "ceph-sync-reader"), List.copyOf(alice.roles()));
        assertEquals(Set.of("ceph-sync-reader"), users.find("grafana").orElseThrow().roles());
        assertTrue(users.find("empty").isEmpty(), "a blank hash is no user");
        assertTrue(users.find("nobody").isEmpty());
        assertTrue(users.find("alice.password-hash").isEmpty(), "names are plain: no dots");
        assertTrue(users.find(null).isEmpty());
    }

    @Test
    void environmentVariablesWork() {
        // MicroProfile Config finds CEPH_SYNC_USERS_BOB_PASSWORD_HASH for ceph-sync.users.bob.password-hash
        Map<String, String> env = new LinkedHashMap<>();
        env.put("CEPH_SYNC_USERS_BOB_PASSWORD_HASH", HASH);
        env.put("CEPH_SYNC_USERS_BOB_ROLES", "ceph-sync-admin");
        MapConfig config = new MapConfig(env) {
            @Override
            public <T> Optional<T> getOptionalValue(String name, Class<T> type) {
                String mapped = name.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(java.util.Locale.ROOT);
                return Optional.ofNullable(values.get(mapped)).map(type::cast);
            }
        };
        ConfiguredUsers users = new ConfiguredUsers(config);
        assertEquals(Set.of("bob"), users.names());
        assertEquals(Set.of("ceph-sync-admin"), users.find("bob").orElseThrow().roles());
    }

    /** A Config over a map, with the lookups ConfiguredUsers uses. */
    static class MapConfig implements Config {
        final Map<String, String> values;

        MapConfig(Map<String, String> values) {
            this.values = values;
        }

        @Override
        public <T> T getValue(String name, Class<T> type) {
            return getOptionalValue(name, type).orElseThrow(() -> new NoSuchElementException(name));
        }

        @Override
        public ConfigValue getConfigValue(String name) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <T> Optional<T> getOptionalValue(String name, Class<T> type) {
            return Optional.ofNullable(values.get(name)).map(type::cast);
        }

        @Override
        public Iterable<String> getPropertyNames() {
            return values.keySet();
        }

        @Override
        public Iterable<ConfigSource> getConfigSources() {
            return List.of();
        }

        @Override
        public <T> Optional<Converter<T>> getConverter(Class<T> type) {
            return Optional.empty();
        }

        @Override
        public <T> T unwrap(Class<T> type) {
            throw new IllegalArgumentException();
        }
    }
}
