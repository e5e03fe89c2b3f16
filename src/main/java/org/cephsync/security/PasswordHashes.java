package org.cephsync.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * PBKDF2 password hashes in the text format of Jakarta Security's
 * {@code jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash}:
 * {@code <algorithm>:<iterations>:<base64 salt>:<base64 hash>}, e.g.
 * {@code PBKDF2WithHmacSHA256:210000:3K8b...:Vx7w...}. A hash made by a server's own Pbkdf2PasswordHash
 * verifies here, and the other way round. Plain JDK code, so the same class serves the server and the
 * command line ({@link HashPassword}).
 */
public final class PasswordHashes {

    public static final String DEFAULT_ALGORITHM = "PBKDF2WithHmacSHA256";
    /** OWASP's 2023 figure for PBKDF2-HMAC-SHA256 is 600,000; verifications are cached, so a login pays it once. */
    public static final int DEFAULT_ITERATIONS = 210_000;
    public static final int SALT_BYTES = 32;
    public static final int KEY_BYTES = 32;
    static final Set<String> ALGORITHMS = Set.of("PBKDF2WithHmacSHA224", "PBKDF2WithHmacSHA256",
            "PBKDF2WithHmacSHA384", "PBKDF2WithHmacSHA512");
    private static final int MIN_ITERATIONS = 1_000;

    private static final SecureRandom RANDOM = new SecureRandom();

    private PasswordHashes() {
    }

    public static String hash(char[] password) {
        return hash(password, DEFAULT_ALGORITHM, DEFAULT_ITERATIONS);
    }

    public static String hash(char[] password, String algorithm, int iterations) {
        if (!ALGORITHMS.contains(algorithm)) {
            throw new IllegalArgumentException("algorithm must be one of " + ALGORITHMS);
        }
        if (iterations < MIN_ITERATIONS) {
            throw new IllegalArgumentException("iterations must be at least " + MIN_ITERATIONS);
        }
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        byte[] key = pbkdf2(password, algorithm, iterations, salt, KEY_BYTES);
        Base64.Encoder b64 = Base64.getEncoder();
        return algorithm + ":" + iterations + ":" + b64.encodeToString(salt) + ":" + b64.encodeToString(key);
    }

    /** @return whether {@code password} matches {@code stored}; false (never an exception) for a malformed hash */
    public static boolean verify(char[] password, String stored) {
        Parsed parsed = parse(stored);
        if (parsed == null) {
            return false;
        }
        byte[] key = pbkdf2(password, parsed.algorithm, parsed.iterations, parsed.salt, parsed.key.length);
        return MessageDigest.isEqual(key, parsed.key);
    }

    /** @return why a stored hash cannot be used, or null when it is well-formed */
    public static String problem(String stored) {
        if (stored == null || stored.isBlank()) {
            return "it is empty";
        }
        return parse(stored) == null ? "it is not <algorithm>:<iterations>:<base64 salt>:<base64 hash> with algorithm one of "
                + ALGORITHMS + " (make one with org.cephsync.security.HashPassword)" : null;
    }

    private record Parsed(String algorithm, int iterations, byte[] salt, byte[] key) {
    }

    private static Parsed parse(String stored) {
        if (stored == null) {
            return null;
        }
        String[] parts = stored.trim().split(":");
        if (parts.length != 4 || !ALGORITHMS.contains(parts[0])) {
            return null;
        }
        try {
            int iterations = Integer.parseInt(parts[1]);
            byte[] salt = Base64.getDecoder().decode(parts[2]);
            byte[] key = Base64.getDecoder().decode(parts[3]);
            if (iterations < 1 || salt.length == 0 || key.length == 0) {
                return null;
            }
            return new Parsed(parts[0], iterations, salt, key);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static byte[] pbkdf2(char[] password, String algorithm, int iterations, byte[] salt, int keyBytes) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, keyBytes * 8);
        try {
            return SecretKeyFactory.getInstance(algorithm).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2 is not available in this JVM: " + e.getMessage(), e);
        } finally {
            spec.clearPassword();
        }
    }

    /** A fast, salted fingerprint of a presented password, for the verification cache (never stored anywhere else). */
    static byte[] fingerprint(byte[] pepper, String user, char[] password) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(pepper);
            sha.update(user.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(new String(password).getBytes(StandardCharsets.UTF_8));
            return sha.digest();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
