package org.cephsync.inventory;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.config.PropertyNamingStrategy;
import jakarta.json.bind.config.PropertyOrderStrategy;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Set;

/**
 * Inventory rows as JSON, with netbox-ceph's field names (snake_case), nulls kept. The same form serves
 * the REST API, change detection and branch change records.
 */
public final class InventoryJson {

    /** Fields that change on every sync or are set by the store: never a change of content. */
    public static final Set<String> BOOKKEEPING = Set.of("id", "created", "last_updated", "last_seen_at", "first_seen_at");

    private static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig()
            .withPropertyNamingStrategy(PropertyNamingStrategy.LOWER_CASE_WITH_UNDERSCORES)
            .withPropertyOrderStrategy(PropertyOrderStrategy.LEXICOGRAPHICAL)
            .withNullValues(true));

    private InventoryJson() {
    }

    public static Jsonb jsonb() {
        return JSONB;
    }

    public static JsonObject toJson(Object row) {
        return JsonText.parseObject(JSONB.toJson(row));
    }

    public static <T> T fromJson(JsonObject json, Class<T> type) {
        return JSONB.fromJson(json.toString(), type);
    }

    /** The row's content: everything but {@link #BOOKKEEPING}. Two rows with equal content need no write. */
    public static JsonObject content(InventoryRow row) {
        return content(toJson(row));
    }

    /** The content of a row in its JSON form. */
    public static JsonObject content(JsonObject all) {
        JsonObjectBuilder content = JsonText.json().createObjectBuilder();
        all.forEach((name, value) -> {
            if (!BOOKKEEPING.contains(name)) {
                content.add(name, value);
            }
        });
        return content.build();
    }

    /** A digest of the row's {@link #content}: equal digests, equal content (SHA-256, base64url, 43 characters). */
    public static String contentHash(InventoryRow row) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(content(row).toString().getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
