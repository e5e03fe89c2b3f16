package org.cephsync.inventory;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.config.PropertyNamingStrategy;
import jakarta.json.bind.config.PropertyOrderStrategy;
import jakarta.json.bind.config.PropertyVisibilityStrategy;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Inventory rows as JSON, with netbox-ceph's field names (snake_case), nulls kept. The same form serves
 * the REST API, change detection and branch change records.
 */
public final class InventoryJson {

    /** Fields that change on every sync or are set by the store: never a change of content. */
    public static final Set<String> BOOKKEEPING = Set.of("id", "created", "last_updated", "last_seen_at", "first_seen_at");

    private static final Jsonb JSONB = JsonbBuilder.create(config());

    /** The same form without {@link #BOOKKEEPING} and without the JSON held as text: with that text, what {@link #contentHash} digests. */
    private static final Jsonb CONTENT = JsonbBuilder.create(config().withPropertyVisibilityStrategy(new ContentOnly()));

    /** A row class's fields that hold JSON as text, by name. */
    private static final ClassValue<List<Field>> TEXT_FIELDS = new ClassValue<>() {
        @Override
        protected List<Field> computeValue(Class<?> type) {
            List<Field> fields = new ArrayList<>();
            for (Class<?> c = type; c != null; c = c.getSuperclass()) {
                for (Field field : c.getDeclaredFields()) {
                    if (heldAsText(field)) {
                        field.setAccessible(true);
                        fields.add(field);
                    }
                }
            }
            fields.sort(Comparator.comparing(Field::getName));
            return List.copyOf(fields);
        }
    };

    private static JsonbConfig config() {
        return new JsonbConfig()
                .withPropertyNamingStrategy(PropertyNamingStrategy.LOWER_CASE_WITH_UNDERSCORES)
                .withPropertyOrderStrategy(PropertyOrderStrategy.LEXICOGRAPHICAL)
                .withNullValues(true);
    }

    /**
     * JSON-B's default visibility (public fields and accessors), minus the bookkeeping properties and the JSON a
     * row keeps as text (OSD metadata, pool status, ...): {@link #contentHash} digests that as the text it is
     * (its getter would parse it only for JSON-B to escape it into a string again, most of a resync's hashing).
     */
    private static final class ContentOnly implements PropertyVisibilityStrategy {

        /** {@link #BOOKKEEPING}, by their Java names. */
        private static final Set<String> HIDDEN = Set.of("id", "created", "lastUpdated", "lastSeenAt", "firstSeenAt");

        @Override
        public boolean isVisible(Field field) {
            return Modifier.isPublic(field.getModifiers()) && !HIDDEN.contains(field.getName());
        }

        @Override
        public boolean isVisible(Method method) {
            String property = property(method.getName());
            return Modifier.isPublic(method.getModifiers()) && !HIDDEN.contains(property)
                    && !(method.getName().startsWith("get") && JsonValue.class.isAssignableFrom(method.getReturnType()));
        }

        private static String property(String accessor) {
            String property = accessor.startsWith("get") || accessor.startsWith("set") ? accessor.substring(3)
                    : accessor.startsWith("is") ? accessor.substring(2) : accessor;
            return property.isEmpty() ? property : Character.toLowerCase(property.charAt(0)) + property.substring(1);
        }
    }

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
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
        digest.update(CONTENT.toJson(row).getBytes(StandardCharsets.UTF_8));
        for (Field field : TEXT_FIELDS.get(row.getClass())) {
            String text;
            try {
                text = (String) field.get(row);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(field + " is made accessible", e);
            }
            // name and length first: no two different sets of texts digest the same bytes
            digest.update((field.getName() + (text == null ? "=null;" : "=" + text.length() + ":")).getBytes(StandardCharsets.UTF_8));
            if (text != null) {
                digest.update(text.getBytes(StandardCharsets.UTF_8));
            }
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest.digest());
    }

    /** A String field whose getter hands it out as parsed JSON. */
    private static boolean heldAsText(Field field) {
        if (field.getType() != String.class || Modifier.isStatic(field.getModifiers())) {
            return false;
        }
        String name = field.getName();
        try {
            Method getter = field.getDeclaringClass().getMethod("get" + Character.toUpperCase(name.charAt(0)) + name.substring(1));
            return JsonValue.class.isAssignableFrom(getter.getReturnType());
        } catch (NoSuchMethodException e) {
            return false;
        }
    }
}
