package org.cephsync.source;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * What the HTTP sources do with an answer, the same for proxbox-api and Proxmox VE: 200 is parsed (malformed JSON
 * is a {@link SourceException}, not retried); 5xx is a {@link TransientSourceException} (retried by the
 * source's {@code @Retry}); 429 waits for its Retry-After (capped) and is then transient; 401/403 say which
 * credential to check; anything else fails as it is. Error bodies add their message to the reason.
 */
final class SourceAnswers {

    private static final Logger LOG = Logger.getLogger(SourceAnswers.class.getName());

    private final String service;
    private final String refusedHint;
    private final long retryAfterMaxSeconds;

    /**
     * @param service     who answers, for the reason: "proxbox-api", "Proxmox VE"
     * @param refusedHint what to check after a 401/403
     */
    SourceAnswers(String service, String refusedHint, long retryAfterMaxSeconds) {
        this.service = service;
        this.refusedHint = refusedHint;
        this.retryAfterMaxSeconds = retryAfterMaxSeconds;
    }

    /** The parsed body of a 200 (without its unread members, see {@link PveBodies#parse}), else the exception the status calls for. */
    JsonValue accept(String what, int status, String text, String retryAfter, Set<String> unreadMembers) {
        if (status == 200) {
            return PveBodies.parse(what, text, unreadMembers);
        }
        String reason = what + ": " + service + " answered " + status + errorDetail(text);
        if (status == 429) {
            long waitSeconds = retryAfterSeconds(retryAfter);
            LOG.info(() -> reason + "; waiting " + waitSeconds + " s as Retry-After asks");
            pause(waitSeconds);
            throw new TransientSourceException(reason + " (rate-limited)");
        }
        if (status >= 500) {
            throw new TransientSourceException(reason);
        }
        if (status == 401 || status == 403) {
            throw new SourceException(reason + " (" + refusedHint + ")");
        }
        throw new SourceException(reason);
    }

    /** A request that got no answer (refused, reset, timed out): transient. */
    TransientSourceException noAnswer(String what, Throwable e) {
        return new TransientSourceException(what + ": " + service + " did not answer (" + rootMessage(e) + ")", e);
    }

    /** proxbox-api errors are {@code {"message","detail",...}}, Proxmox VE's {@code {"data": null, "errors": {...}}}. */
    private static String errorDetail(String text) {
        try {
            JsonValue value = PveBodies.parse("error body", text);
            if (value.getValueType() == JsonValue.ValueType.OBJECT) {
                JsonObject error = value.asJsonObject();
                StringBuilder detail = new StringBuilder();
                for (String key : List.of("message", "detail", "errors")) {
                    JsonValue part = error.get(key);
                    if (part != null && part.getValueType() != JsonValue.ValueType.NULL) {
                        detail.append(detail.length() == 0 ? ": " : " - ")
                                .append(part.getValueType() == JsonValue.ValueType.STRING ? error.getString(key) : part.toString());
                    }
                }
                return detail.toString();
            }
        } catch (SourceException notJson) {
            // fall through: a non-JSON error page is summarised by its status alone
        }
        return "";
    }

    private long retryAfterSeconds(String header) {
        long seconds = 1;
        if (header != null) {
            try {
                seconds = Long.parseLong(header.trim());
            } catch (NumberFormatException notSeconds) {
                try {
                    ZonedDateTime at = ZonedDateTime.parse(header.trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
                    seconds = Duration.between(ZonedDateTime.now(), at).toSeconds();
                } catch (DateTimeParseException unreadable) {
                    seconds = 1;
                }
            }
        }
        return Math.max(0, Math.min(seconds, retryAfterMaxSeconds));
    }

    private static void pause(long seconds) {
        try {
            TimeUnit.SECONDS.sleep(seconds);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
