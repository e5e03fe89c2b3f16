package org.cephsync.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Validates user name and password against the users in MicroProfile Config ({@link ConfiguredUsers}); a
 * valid caller's groups are its configured roles, which Jakarta Security maps to the roles of the same name.
 *
 * <p>PBKDF2 is slow on purpose, and HTTP Basic sends the password with every request (the console polls), so a
 * successful verification is remembered for a few minutes as a salted SHA-256 fingerprint of the presented
 * password, tied to the stored hash it was checked against: changing a user's hash or removing the user takes
 * effect at once. A wrong password does not forget it (a guesser cannot log the real user out), and an unknown
 * user name costs a PBKDF2 check like a known one, so that timing does not tell which names exist.
 */
@ApplicationScoped
public class ConfigIdentityStore implements IdentityStore {

    private static final Logger LOG = Logger.getLogger(ConfigIdentityStore.class.getName());
    private static final Duration REMEMBER = Duration.ofMinutes(5);
    private static final int MAX_REMEMBERED = 1_000;

    private record Verified(String storedHash, byte[] fingerprint, long until) {
    }

    private final byte[] pepper = new byte[32];
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();
    /** What an unknown user's password is checked against: the cost of a known user's check. */
    private final String unknownUsersHash;

    public ConfigIdentityStore() {
        SecureRandom random = new SecureRandom();
        random.nextBytes(pepper);
        char[] nobody = new char[24];
        for (int i = 0; i < nobody.length; i++) {
            nobody[i] = (char) ('a' + random.nextInt(26));
        }
        unknownUsersHash = PasswordHashes.hash(nobody);
    }

    /** Whether this password was verified for this user a moment ago (no PBKDF2 needed, nothing to throttle). */
    boolean remembered(String name, char[] password) {
        Optional<ConfiguredUsers.User> user = users().find(name);
        Verified known = verified.get(name);
        return user.isPresent() && known != null && known.storedHash.equals(user.get().passwordHash())
                && known.until > System.currentTimeMillis()
                && MessageDigest.isEqual(known.fingerprint, PasswordHashes.fingerprint(pepper, name, password));
    }

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof UsernamePasswordCredential login)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        String name = login.getCaller();
        Optional<ConfiguredUsers.User> user = users().find(name);
        if (user.isEmpty()) {
            PasswordHashes.verify(login.getPassword().getValue(), unknownUsersHash);
            LOG.fine(() -> "login refused: no user named " + safe(name));
            return CredentialValidationResult.INVALID_RESULT;
        }
        String stored = user.get().passwordHash();
        char[] password = login.getPassword().getValue();
        byte[] fingerprint = PasswordHashes.fingerprint(pepper, name, password);
        Verified known = verified.get(name);
        boolean valid;
        if (known != null && known.storedHash.equals(stored) && known.until > System.currentTimeMillis()
                && MessageDigest.isEqual(known.fingerprint, fingerprint)) {
            valid = true;
        } else {
            valid = PasswordHashes.verify(password, stored);
            if (valid) {
                if (verified.size() >= MAX_REMEMBERED) {
                    verified.clear();
                }
                verified.put(name, new Verified(stored, fingerprint, System.currentTimeMillis() + REMEMBER.toMillis()));
            } else {
                String problem = PasswordHashes.problem(stored);
                if (problem != null) {
                    LOG.warning(() -> "user " + name + " cannot log in: its " + ConfiguredUsers.PREFIX + name + ConfiguredUsers.HASH
                            + " is not usable: " + problem);
                }
            }
        }
        if (!valid) {
            LOG.fine(() -> "login refused for user " + name + ": wrong password");
            return CredentialValidationResult.INVALID_RESULT;
        }
        Set<String> roles = user.get().roles();
        return new CredentialValidationResult(name, roles);
    }

    ConfiguredUsers users() {
        return new ConfiguredUsers(ConfigProvider.getConfig());
    }

    /** A caller-supplied name, cut and stripped of control characters before it reaches a log line. */
    static String safe(String name) {
        if (name == null) {
            return "(none)";
        }
        String s = name.length() > 64 ? name.substring(0, 64) + "..." : name;
        return "\"" + s.replaceAll("\\p{Cntrl}", "?") + "\"";
    }
}
