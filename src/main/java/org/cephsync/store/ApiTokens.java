package org.cephsync.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * NetBox's API tokens: issued with a fresh random secret that is returned once and kept only as its SHA-256
 * digest (the secret is 160 or more random bits, so a plain digest cannot be guessed back), found again by
 * what a client sends in {@code Authorization}, listed and revoked.
 */
@ApplicationScoped
@TransactionBoundary
public class ApiTokens {

    /** {@code Token <40 hex>}: NetBox's v1 (and pynetbox's) form. */
    private static final Pattern V1 = Pattern.compile("(?i)Token\\s+([0-9a-f]{40})");
    /** {@code Bearer nbt_<key>.<token>}: NetBox 4.5's v2 form. */
    private static final Pattern V2 = Pattern.compile("(?i)Bearer\\s+nbt_([A-Za-z0-9]{12})\\.([A-Za-z0-9]{40})");
    private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    /** NetBox updates last_used at most once a minute, to spare the database a write per request. */
    private static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);

    private final SecureRandom random = new SecureRandom();

    @PersistenceContext
    EntityManager em;

    /** A token just issued: the row, and the one time its secret is shown. */
    public record Issued(ApiToken token, String secret) {
        /** What the client sends after the scheme: the 40 hex for v1, {@code nbt_<key>.<token>} for v2. */
        public String credential() {
            return token.getVersion() == ApiToken.V1 ? secret : "nbt_" + token.getKey() + "." + secret;
        }
    }

    /** Whether an Authorization header value is one of NetBox's token forms (else it may be Basic). */
    public static boolean isTokenHeader(String authorization) {
        return authorization != null && (authorization.regionMatches(true, 0, "Token ", 0, 6)
                || authorization.regionMatches(true, 0, "Bearer ", 0, 7));
    }

    public Issued issue(String username, int version, boolean writeEnabled, Instant expires, String description) {
        String secret = version == ApiToken.V1 ? HexFormat.of().formatHex(randomBytes(20)) : randomText(40);
        String key = version == ApiToken.V1 ? null : randomText(12);
        ApiToken token = new ApiToken(version, key, digest(secret), username, description, expires, writeEnabled, Instant.now());
        em.persist(token);
        em.flush();
        return new Issued(token, secret);
    }

    /**
     * The usable token an Authorization header value presents, its last use noted; empty when the value is
     * malformed, unknown, revoked or expired.
     */
    public Optional<ApiToken> authenticate(String authorization) {
        Matcher v1 = V1.matcher(authorization.strip());
        Matcher v2 = V2.matcher(authorization.strip());
        Optional<ApiToken> token;
        if (v1.matches()) {
            token = byDigest(digest(v1.group(1).toLowerCase())).filter(t -> t.getVersion() == ApiToken.V1);
        } else if (v2.matches()) {
            String digest = digest(v2.group(2));
            token = em.createQuery("SELECT t FROM ApiToken t WHERE t.key = :key", ApiToken.class)
                    .setParameter("key", v2.group(1)).getResultStream().findFirst()
                    .filter(t -> MessageDigest.isEqual(t.getDigest().getBytes(StandardCharsets.US_ASCII),
                            digest.getBytes(StandardCharsets.US_ASCII)));
        } else {
            return Optional.empty();
        }
        Instant now = Instant.now();
        token = token.filter(t -> t.usableAt(now));
        token.filter(t -> t.getLastUsed() == null || t.getLastUsed().isBefore(now.minus(LAST_USED_PRECISION)))
                .ifPresent(t -> t.setLastUsed(now));
        return token;
    }

    /** Every token, or those of one user, oldest first. */
    public List<ApiToken> list(Optional<String> owner) {
        // two queries, not ":owner IS NULL OR ...": PostgreSQL cannot type a null parameter
        return owner.map(name -> em.createQuery("SELECT t FROM ApiToken t WHERE t.username = :owner ORDER BY t.id", ApiToken.class)
                        .setParameter("owner", name))
                .orElseGet(() -> em.createQuery("SELECT t FROM ApiToken t ORDER BY t.id", ApiToken.class))
                .getResultList();
    }

    public Optional<ApiToken> find(long id) {
        return Optional.ofNullable(em.find(ApiToken.class, id));
    }

    /** Deletes it; false when there was none. */
    public boolean revoke(long id) {
        ApiToken token = em.find(ApiToken.class, id);
        if (token == null) {
            return false;
        }
        em.remove(token);
        return true;
    }

    private Optional<ApiToken> byDigest(String digest) {
        return em.createQuery("SELECT t FROM ApiToken t WHERE t.digest = :digest", ApiToken.class)
                .setParameter("digest", digest).getResultStream().findFirst();
    }

    static String digest(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java", e);
        }
    }

    private byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        random.nextBytes(bytes);
        return bytes;
    }

    private String randomText(int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(ALPHANUMERIC.charAt(random.nextInt(ALPHANUMERIC.length())));
        }
        return text.toString();
    }
}
