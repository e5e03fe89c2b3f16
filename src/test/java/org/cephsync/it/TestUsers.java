package org.cephsync.it;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import org.cephsync.security.PasswordHashes;

/**
 * The users of the test deployments: fresh random passwords for every test JVM, configured in the test WAR as
 * PBKDF2 hashes, the way an operator configures them (ceph-sync.users.NAME.password-hash / .roles).
 */
final class TestUsers {

    record User(String name, String password, String roles) {
        String basic() {
            return "Basic " + Base64.getEncoder().encodeToString((name + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    static final User ADMIN = new User("it-admin", randomPassword(), "ceph-sync-admin");
    static final User READER = new User("it-reader", randomPassword(), "ceph-sync-reader");
    /** Known, but with no role of this application. */
    static final User NO_ROLE = new User("it-norole", randomPassword(), "");

    private static final List<String> CONFIG = List.of(
            config(ADMIN), config(READER), config(NO_ROLE));

    private TestUsers() {
    }

    /** The lines of microprofile-config.properties that define the test users. */
    static List<String> config() {
        return CONFIG;
    }

    static List<User> all() {
        return List.of(ADMIN, READER, NO_ROLE);
    }

    private static String config(User user) {
        String hash = PasswordHashes.hash(user.password().toCharArray());
        return "ceph-sync.users." + user.name() + ".password-hash=" + hash + "\n"
                + "ceph-sync.users." + user.name() + ".roles=" + user.roles();
    }

    private static String randomPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return "pw-" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
