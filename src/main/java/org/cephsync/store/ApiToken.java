package org.cephsync.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A NetBox API token of a configured user: version 1 ({@code Authorization: Token <40 hex>}) or 2
 * ({@code Authorization: Bearer nbt_<key>.<token>}). The secret itself is never stored, only its digest.
 */
@Entity
@Table(name = "api_token")
public class ApiToken {

    public static final int V1 = 1;
    public static final int V2 = 2;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "api_token_seq")
    @SequenceGenerator(name = "api_token_seq", sequenceName = "api_token_seq", allocationSize = 10)
    private Long id;

    @Column(name = "token_version", nullable = false)
    private int version;

    /** A v2 token's public identifier; null for v1. */
    @Column(name = "token_key", unique = true, length = 16)
    private String key;

    @Column(nullable = false, unique = true, length = 64)
    private String digest;

    @Column(nullable = false, length = 64)
    private String username;

    @Column(length = 200)
    private String description;

    @Column(nullable = false)
    private Instant created;

    private Instant expires;

    @Column(name = "last_used")
    private Instant lastUsed;

    @Column(nullable = false)
    private boolean enabled;

    @Column(name = "write_enabled", nullable = false)
    private boolean writeEnabled;

    protected ApiToken() {
    }

    ApiToken(int version, String key, String digest, String username, String description, Instant expires,
             boolean writeEnabled, Instant created) {
        this.version = version;
        this.key = key;
        this.digest = digest;
        this.username = username;
        this.description = description;
        this.expires = expires;
        this.writeEnabled = writeEnabled;
        this.created = created;
        this.enabled = true;
    }

    /** Whether it may authenticate at {@code now}: enabled and not expired. */
    public boolean usableAt(Instant now) {
        return enabled && (expires == null || expires.isAfter(now));
    }

    public Long getId() {
        return id;
    }

    public int getVersion() {
        return version;
    }

    public String getKey() {
        return key;
    }

    String getDigest() {
        return digest;
    }

    public String getUsername() {
        return username;
    }

    public String getDescription() {
        return description;
    }

    public Instant getCreated() {
        return created;
    }

    public Instant getExpires() {
        return expires;
    }

    public Instant getLastUsed() {
        return lastUsed;
    }

    void setLastUsed(Instant lastUsed) {
        this.lastUsed = lastUsed;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public boolean isWriteEnabled() {
        return writeEnabled;
    }
}
