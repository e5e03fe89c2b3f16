package org.cephsync.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The app's REST API over real HTTP, as a script or the web console would use it: as {@link TestUsers#ADMIN}
 * unless told otherwise. Every answer is also kept in {@link #TRANSCRIPT} (headers and body), so that a test
 * can check that no secret was ever returned.
 */
final class AdminClient {

    /** Every answer any client got in this test JVM: status, headers and body. */
    static final List<String> TRANSCRIPT = java.util.Collections.synchronizedList(new java.util.ArrayList<>());

    private static final Set<String> FINAL = Set.of("COMPLETED", "FAILED", "STOPPED", "ABANDONED");

    record Answer(int status, String contentType, String location, JsonValue body, java.net.http.HttpHeaders headers) {
        JsonObject json() {
            return body.asJsonObject();
        }

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    private final URI base;
    private final TestUsers.User user;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    AdminClient(URI base) {
        this(base, TestUsers.ADMIN);
    }

    /** @param user who calls; null: no credentials */
    AdminClient(URI base, TestUsers.User user) {
        this.base = base;
        this.user = user;
    }

    URI base() {
        return base;
    }

    Answer call(String method, String path, String body) {
        return call(method, path, body, Map.of());
    }

    Answer call(String method, String path, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path.startsWith("/") ? path.substring(1) : path))
                .timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json");
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (user != null && headers.keySet().stream().noneMatch(h -> h.equalsIgnoreCase("Authorization"))) {
            request.header("Authorization", user.basic());
        }
        headers.forEach(request::header);
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            TRANSCRIPT.add(method + " " + path + " -> " + response.statusCode() + " " + response.headers().map() + "\n" + response.body());
            JsonValue json = response.body().isBlank() ? JsonValue.NULL : parseOrText(response.body());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Location").orElse(null), json, response.headers());
        } catch (IOException e) {
            throw new AssertionError(method + " " + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    JsonObject get(String path) {
        Answer answer = call("GET", path, null);
        assertEquals(200, answer.status(), () -> "GET " + path + ": " + answer.body());
        return answer.json();
    }

    /** Changes settings (PATCH) and returns them. */
    JsonObject settings(String changes) {
        Answer answer = call("PATCH", "api/plugins/ceph/settings/", changes);
        assertEquals(200, answer.status(), () -> "settings: " + answer.body());
        return answer.json();
    }

    /** Starts a sync and waits until it ends; returns the finished job. */
    JsonObject sync(String request) {
        Answer started = call("POST", "api/sync/jobs", request);
        assertEquals(202, started.status(), () -> "start: " + started.body());
        return await(started.json().getJsonNumber("id").longValue());
    }

    JsonObject await(long executionId) {
        Instant deadline = Instant.now().plusSeconds(120);
        while (Instant.now().isBefore(deadline)) {
            JsonObject job = get("api/sync/jobs/" + executionId);
            if (FINAL.contains(job.getString("status"))) {
                return job;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        return fail("job " + executionId + " did not finish in 120 s");
    }

    /** Every row of an inventory model on one endpoint, by natural display name. */
    Map<String, JsonObject> rows(String model, long endpoint) {
        return rows(model, endpoint, null);
    }

    /** Every row of an inventory model on one endpoint as a branch sees it (null: main). */
    Map<String, JsonObject> rows(String model, long endpoint, String branchSchemaId) {
        String path = "api/plugins/ceph/" + model + "/?endpoint=" + endpoint + "&limit=1000";
        Answer answer = call("GET", path, null, branchSchemaId == null ? Map.of() : Map.of("X-NetBox-Branch", branchSchemaId));
        assertEquals(200, answer.status(), () -> "GET " + path + ": " + answer.body());
        JsonObject page = answer.json();
        Map<String, JsonObject> rows = new HashMap<>();
        for (JsonValue row : page.getJsonArray("results")) {
            JsonObject r = row.asJsonObject();
            String key = r.containsKey("daemon_type") ? r.getString("daemon_type") + "." + r.getString("name") : r.getString("name");
            if (rows.put(key, r) != null) {
                fail("two " + model + " rows named " + key + " on endpoint " + endpoint);
            }
        }
        assertEquals(page.getInt("count"), rows.size(), model + " count");
        return rows;
    }

    static JsonObject stage(JsonObject job, String resource) {
        for (JsonValue s : job.getJsonObject("data").getJsonObject("ceph_sync").getJsonObject("response").getJsonArray("stages")) {
            if (s.asJsonObject().getString("resource").equals(resource)) {
                return s.asJsonObject();
            }
        }
        return fail("no stage " + resource + " in " + job);
    }

    static List<String> stepNames(JsonObject job) {
        JsonArray steps = job.getJsonArray("steps");
        return steps.stream().map(s -> s.asJsonObject().getString("name")).toList();
    }

    /** JSON when it is JSON, else the text as a JSON string (e.g. /metrics). */
    static JsonValue parseOrText(String text) {
        try {
            return parse(text);
        } catch (jakarta.json.JsonException notJson) {
            return Json.createValue(text);
        }
    }

    static JsonValue parse(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readValue();
        }
    }
}
