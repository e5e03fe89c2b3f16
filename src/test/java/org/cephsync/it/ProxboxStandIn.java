package org.cephsync.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.JsonWriter;
import jakarta.json.spi.JsonProvider;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.cephsync.resource.CephResource;

/**
 * A stand-in for proxbox-api (DESIGN §3) serving a snapshot folder, for tests.
 *
 * <p>It listens on 127.0.0.1 on an ephemeral port and answers:
 * <ul>
 *   <li>{@code GET /proxmox/endpoints?offset=&limit=}: the snapshot's {@code endpoints.json} list, paginated
 *       (offset default 0, limit default and maximum 100; out-of-range values get FastAPI's 422).</li>
 *   <li>{@code GET /proxmox/api2/json{pve-path}?source=database&target_name=NAME}: the {@code data} value of
 *       {@code <snapshot>/<NAME>/<pve-path>.json}, unwrapped, as proxbox-api returns it; 404 with
 *       {@code {"message","detail","python_exception"}} when there is no such file; 400 when the target names no
 *       endpoint. {@code target_domain} and {@code target_ip_address} select by those fields instead.</li>
 * </ul>
 * Every request must carry header {@value #API_KEY_HEADER} equal to the configured key, else 401.
 *
 * <p>Tests can switch at runtime, from any thread: the snapshot served ({@link #serve(Path)}), the key
 * ({@link #apiKey(String)}) and per-path {@link Fault faults}. Every request is recorded
 * ({@link #requests()}, {@link #count(String)}). Fault and count paths are request paths as the server sees
 * them; use {@link #pve(String)} for the PVE routes and {@link #ENDPOINTS_PATH} for the endpoint list.
 *
 * <pre>{@code
 * try (ProxboxStandIn proxbox = new ProxboxStandIn(ProxboxStandIn.fixture("pve8-reef-18.2.7", "healthy"), "key").start()) {
 *     proxbox.fault(ProxboxStandIn.pve("/cluster/ceph/status"), Fault.rateLimited(2).times(3));
 *     ... point proxbox.url at proxbox.baseUri() ...
 *     assertEquals(4, proxbox.count(ProxboxStandIn.pve("/cluster/ceph/status")));
 * }
 * }</pre>
 */
public final class ProxboxStandIn implements AutoCloseable {

    public static final String API_KEY_HEADER = "X-Proxbox-API-Key";
    public static final String ENDPOINTS_PATH = "/proxmox/endpoints";
    public static final String API_PREFIX = "/proxmox/api2/json";
    public static final int MAX_LIMIT = 100;

    private static final Logger LOG = Logger.getLogger(ProxboxStandIn.class.getName());
    private static final String ANY_TARGET = "";
    private static final String ANY_NODE = "*";
    private static final Pattern NODE_SEGMENT = Pattern.compile("^(" + Pattern.quote(API_PREFIX) + "/nodes/)[^/]+");
    /** One provider for every request: {@code jakarta.json.Json}'s static methods look it up again on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    private final AtomicReference<Path> snapshot = new AtomicReference<>();
    private final AtomicReference<String> apiKey = new AtomicReference<>();
    private final AtomicReference<Duration> latency = new AtomicReference<>(Duration.ZERO);
    private final Map<FaultKey, Fault> faults = new ConcurrentHashMap<>();
    private final List<RecordedRequest> log = new CopyOnWriteArrayList<>();
    private HttpServer server;
    private ExecutorService executor;

    /**
     * @param snapshotDir a folder laid out like {@code src/test/resources/fixtures/<profile>/<scenario>/}
     * @param apiKey      the key requests must send in {@value #API_KEY_HEADER}
     */
    public ProxboxStandIn(Path snapshotDir, String apiKey) {
        serve(snapshotDir);
        apiKey(apiKey);
    }

    /** A scenario folder of the test fixtures on the test classpath, e.g. ("pve8-reef-18.2.7", "healthy"). */
    public static Path fixture(String profile, String scenario) {
        String resource = "/fixtures/" + profile + "/" + scenario;
        URL url = ProxboxStandIn.class.getResource(resource);
        if (url == null) {
            throw new IllegalArgumentException("no fixture on the test classpath: " + resource);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(url.toString(), e);
        }
    }

    /** The request path of a PVE route: {@code pve("/cluster/status")} is {@code /proxmox/api2/json/cluster/status}. */
    public static String pve(String pvePath) {
        return API_PREFIX + (pvePath.startsWith("/") ? pvePath : "/" + pvePath);
    }

    // ---------------------------------------------------------------------------------------------- lifecycle

    /** Binds 127.0.0.1 on an ephemeral port and starts answering. Returns this, for try-with-resources. */
    public synchronized ProxboxStandIn start() throws IOException {
        if (server != null) {
            throw new IllegalStateException("already started");
        }
        HttpServer s = LoopbackServers.http();
        AtomicInteger threads = new AtomicInteger();
        // a pool, so that a delayed answer does not hold up the others
        executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "proxbox-stand-in-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        s.setExecutor(executor);
        s.createContext("/", this::handle);
        s.start();
        server = s;
        LOG.fine(() -> "proxbox stand-in listening on " + baseUri());
        return this;
    }

    /** Stops at once; handlers sleeping in a delay fault are interrupted. */
    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
            server = null;
            executor = null;
        }
    }

    /** {@code http://127.0.0.1:<port>}, without a trailing slash: the value for {@code proxbox.url}. */
    public synchronized URI baseUri() {
        if (server == null) {
            throw new IllegalStateException("not started");
        }
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public int port() {
        return baseUri().getPort();
    }

    // ------------------------------------------------------------------------------------ runtime switches

    /** Serves another snapshot folder from the next request on (e.g. healthy → degraded). */
    public ProxboxStandIn serve(Path snapshotDir) {
        Objects.requireNonNull(snapshotDir, "snapshotDir");
        if (!Files.isRegularFile(snapshotDir.resolve("endpoints.json"))) {
            throw new IllegalArgumentException("not a snapshot folder (no endpoints.json): " + snapshotDir);
        }
        snapshot.set(snapshotDir.toAbsolutePath().normalize());
        return this;
    }

    public Path serving() {
        return snapshot.get();
    }

    /** Changes the key requests must carry. */
    public ProxboxStandIn apiKey(String key) {
        apiKey.set(Objects.requireNonNull(key, "key"));
        return this;
    }

    /** Adds this much to the answer of every request (a network and PVE further away), on top of any delay fault. */
    public ProxboxStandIn latency(Duration added) {
        latency.set(Fault.requireNonNegative(added));
        return this;
    }

    /** Injects a fault on a request path, for every endpoint. Replaces a fault already set there. */
    public ProxboxStandIn fault(String path, Fault fault) {
        faults.put(new FaultKey(ANY_TARGET, normalisePath(path)), fault.fresh());
        return this;
    }

    /** Injects a fault on a request path for one endpoint ({@code target_name}) only; it wins over a path-wide one. */
    public ProxboxStandIn fault(String targetName, String path, Fault fault) {
        faults.put(new FaultKey(Objects.requireNonNull(targetName), normalisePath(path)), fault.fresh());
        return this;
    }

    /**
     * The same fault on the first request of every resource's own fetch, whichever node it asks
     * ({@code /cluster/status} is read once a run): a run meets it once in each of its steps.
     */
    public ProxboxStandIn faultEveryStep(Fault fault) {
        for (CephResource resource : CephResource.values()) {
            fault(pve(resource.paths().get(0).replace("{node}", ANY_NODE)), fault);
        }
        return this;
    }

    public ProxboxStandIn clearFault(String path) {
        String p = normalisePath(path);
        faults.keySet().removeIf(k -> k.path.equals(p));
        return this;
    }

    public ProxboxStandIn clearFaults() {
        faults.clear();
        return this;
    }

    // ------------------------------------------------------------------------------------------- request log

    /** Every request so far, oldest first. */
    public List<RecordedRequest> requests() {
        return List.copyOf(log);
    }

    /** The requests made to one request path, oldest first. */
    public List<RecordedRequest> requests(String path) {
        String p = normalisePath(path);
        return log.stream().filter(r -> r.path().equals(p)).toList();
    }

    /** How many requests were made to a request path (any endpoint, any outcome). */
    public int count(String path) {
        return requests(path).size();
    }

    /** How many requests were made to a request path for one endpoint ({@code target_name}). */
    public int count(String targetName, String path) {
        return (int) requests(path).stream().filter(r -> targetName.equals(r.targetName())).count();
    }

    /** The number of requests per request path, in order of first request. */
    public Map<String, Integer> counts() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (RecordedRequest r : log) {
            counts.merge(r.path(), 1, Integer::sum);
        }
        return counts;
    }

    public ProxboxStandIn clearLog() {
        log.clear();
        return this;
    }

    /** Clears the log and the faults; keeps the snapshot and the key. */
    public ProxboxStandIn reset() {
        clearFaults();
        return clearLog();
    }

    // -------------------------------------------------------------------------------------------- handling

    private void handle(HttpExchange exchange) {
        try {
            String path = normalisePath(exchange.getRequestURI().getPath());
            Map<String, String> query = parseQuery(exchange.getRequestURI().getRawQuery());
            String key = exchange.getRequestHeaders().getFirst(API_KEY_HEADER);
            boolean authorised = key != null && key.equals(apiKey.get());

            Response response;
            Fault fault = null;
            if (!authorised) {
                response = error(401, key == null ? "Missing API key" : "Invalid API key",
                        "Send the proxbox-api key in header " + API_KEY_HEADER + ".", "");
            } else {
                fault = takeFault(query.getOrDefault("target_name", ANY_TARGET), path);
                response = fault != null && fault.status > 0 ? fault.response(path) : route(exchange.getRequestMethod(), path, query);
                if (fault != null && fault.truncate) {
                    response = response.truncated();
                }
            }
            RecordedRequest recorded = new RecordedRequest(Instant.now(), exchange.getRequestMethod(), path, query,
                    authorised, response.status, fault == null ? null : fault.toString());
            log.add(recorded);
            LOG.fine(recorded::toString);

            long pause = latency.get().toMillis() + (fault == null ? 0 : fault.delay.toMillis());
            if (pause > 0) {
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return; // closing: drop the exchange
                }
            }
            send(exchange, response);
        } catch (IOException | RuntimeException e) {
            // the client went away (e.g. after its own read timeout), or a bug here: keep serving
            LOG.log(Level.FINE, "proxbox stand-in: exchange failed", e);
        } finally {
            exchange.close();
        }
    }

    private Fault takeFault(String target, String path) {
        String anyNode = NODE_SEGMENT.matcher(path).replaceFirst("$1" + ANY_NODE);
        for (FaultKey key : List.of(new FaultKey(target, path), new FaultKey(ANY_TARGET, path),
                new FaultKey(target, anyNode), new FaultKey(ANY_TARGET, anyNode))) {
            Fault f = faults.get(key);
            if (f != null && f.take()) {
                return f;
            }
        }
        return null;
    }

    private Response route(String method, String path, Map<String, String> query) {
        boolean endpoints = path.equals(ENDPOINTS_PATH);
        boolean api = path.equals(API_PREFIX) || path.startsWith(API_PREFIX + "/");
        if (!endpoints && !api) {
            return json(404, JSON.createObjectBuilder().add("detail", "Not Found").build());
        }
        if (!method.equals("GET")) {
            return json(405, JSON.createObjectBuilder().add("detail", "Method Not Allowed").build());
        }
        Path root = snapshot.get();
        JsonArray endpointList;
        try {
            endpointList = readJson(root.resolve("endpoints.json")).asJsonArray();
        } catch (IOException | RuntimeException e) {
            return error(500, "Could not read the endpoint list", e.toString(), e.getClass().getName());
        }
        return endpoints ? endpoints(endpointList, query) : pveRoute(root, endpointList, path.substring(API_PREFIX.length()), query);
    }

    private Response endpoints(JsonArray endpointList, Map<String, String> query) {
        int offset;
        int limit;
        try {
            offset = intParam(query, "offset", 0, 0, Integer.MAX_VALUE);
            limit = intParam(query, "limit", MAX_LIMIT, 1, MAX_LIMIT);
        } catch (ValidationError e) {
            return e.response;
        }
        JsonArrayBuilder page = JSON.createArrayBuilder();
        for (int i = offset; i < endpointList.size() && i < (long) offset + limit; i++) {
            page.add(endpointList.get(i));
        }
        return json(200, page.build());
    }

    private Response pveRoute(Path root, JsonArray endpointList, String pvePath, Map<String, String> query) {
        String source = query.getOrDefault("source", "database");
        if (!source.equals("database") && !source.equals("netbox")) {
            return validation("source", source, "enum", "Input should be 'database' or 'netbox'");
        }
        Optional<String> selector = selector(query);
        if (selector.isEmpty()) {
            return error(400, "No Proxmox endpoint selected",
                    "Pass one of target_name, target_domain, target_ip_address.", "ProxboxException");
        }
        String name = endpointList.stream()
                .filter(v -> v.getValueType() == JsonValue.ValueType.OBJECT)
                .map(JsonValue::asJsonObject)
                .filter(e -> matches(e, query))
                .map(e -> e.getString("name", null))
                .filter(Objects::nonNull)
                .findFirst().orElse(null);
        if (name == null) {
            return error(400, "Proxmox endpoint not found", "No Proxmox endpoint matches " + selector.get() + ".",
                    "ProxboxException");
        }
        Path endpointDir = root.resolve(name).normalize();
        String relative = pvePath.replaceAll("^/+", "");
        Path file = endpointDir.resolve(relative + ".json").normalize();
        if (relative.isEmpty() || !file.startsWith(endpointDir) || !file.startsWith(root)) {
            return error(404, "Proxmox API path not found", "No such path: " + pvePath, "ResourceException");
        }
        JsonValue wrapped;
        try {
            wrapped = readJson(file);
        } catch (NoSuchFileException e) {
            return error(404, "Proxmox API path not found",
                    "Endpoint " + name + " has no data for " + pvePath + ".", "ResourceException");
        } catch (IOException | RuntimeException e) {
            return error(500, "Could not read snapshot file", file + ": " + e, e.getClass().getName());
        }
        if (wrapped.getValueType() != JsonValue.ValueType.OBJECT || !wrapped.asJsonObject().containsKey("data")) {
            return error(500, "Snapshot file is not a PVE body", file + " has no \"data\" member.", "KeyError");
        }
        return json(200, wrapped.asJsonObject().get("data"));
    }

    private static Optional<String> selector(Map<String, String> query) {
        for (String p : List.of("target_name", "target_domain", "target_ip_address")) {
            if (query.containsKey(p)) {
                return Optional.of(p + "=" + query.get(p));
            }
        }
        return Optional.empty();
    }

    private static boolean matches(JsonObject endpoint, Map<String, String> query) {
        if (query.containsKey("target_name")) {
            return query.get("target_name").equals(stringField(endpoint, "name"));
        }
        if (query.containsKey("target_domain")) {
            return query.get("target_domain").equals(stringField(endpoint, "domain"));
        }
        return query.get("target_ip_address").equals(stringField(endpoint, "ip_address"));
    }

    private static String stringField(JsonObject o, String name) {
        JsonValue v = o.get(name);
        return v != null && v.getValueType() == JsonValue.ValueType.STRING ? o.getString(name) : null;
    }

    private static int intParam(Map<String, String> query, String name, int dflt, int min, int max)
            throws ValidationError {
        String raw = query.get(name);
        if (raw == null) {
            return dflt;
        }
        int v;
        try {
            v = Integer.parseInt(raw.trim());
        } catch (NumberFormatException e) {
            throw new ValidationError(validation(name, raw, "int_parsing",
                    "Input should be a valid integer, unable to parse string as an integer"));
        }
        if (v < min) {
            throw new ValidationError(validation(name, raw, "greater_than_equal", "Input should be greater than or equal to " + min));
        }
        if (v > max) {
            throw new ValidationError(validation(name, raw, "less_than_equal", "Input should be less than or equal to " + max));
        }
        return v;
    }

    /** FastAPI's request validation error. */
    private static Response validation(String param, String input, String type, String msg) {
        return json(422, JSON.createObjectBuilder().add("detail", JSON.createArrayBuilder().add(
                JSON.createObjectBuilder().add("type", type)
                        .add("loc", JSON.createArrayBuilder().add("query").add(param))
                        .add("msg", msg).add("input", input))).build());
    }

    private static Response error(int status, String message, String detail, String pythonException) {
        return json(status, JSON.createObjectBuilder().add("message", message).add("detail", detail)
                .add("python_exception", pythonException).build());
    }

    private static Response json(int status, JsonValue body) {
        StringWriter out = new StringWriter();
        try (JsonWriter w = JSON.createWriter(out)) {
            w.write(body);
        }
        return new Response(status, out.toString().getBytes(StandardCharsets.UTF_8), null);
    }

    private static JsonValue readJson(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file); JsonReader r = JSON.createReader(in)) {
            return r.readValue();
        }
    }

    private static void send(HttpExchange exchange, Response response) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        if (response.retryAfter != null) {
            exchange.getResponseHeaders().set("Retry-After", response.retryAfter);
        }
        boolean empty = response.body.length == 0;
        exchange.sendResponseHeaders(response.status, empty ? -1 : response.body.length);
        if (!empty) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(response.body);
            }
        }
    }

    private static String normalisePath(String path) {
        String p = path == null || path.isEmpty() ? "/" : path;
        while (p.length() > 1 && p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p;
    }

    private static Map<String, String> parseQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return Map.of();
        }
        Map<String, String> query = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            query.putIfAbsent(k, v);
        }
        return Collections.unmodifiableMap(query);
    }

    // ---------------------------------------------------------------------------------------------- types

    private record FaultKey(String target, String path) {
    }

    private record Response(int status, byte[] body, String retryAfter) {
        Response truncated() {
            byte[] half = new byte[body.length / 2];
            System.arraycopy(body, 0, half, 0, half.length);
            return new Response(status, half, retryAfter);
        }
    }

    private static final class ValidationError extends Exception {
        private static final long serialVersionUID = 1L;
        final transient Response response;

        ValidationError(Response response) {
            super(null, null, false, false);
            this.response = response;
        }
    }

    /** One request as the stand-in saw it, with the status it answered (or was about to, for a delayed answer). */
    public record RecordedRequest(Instant at, String method, String path, Map<String, String> query,
                                  boolean authorised, int status, String fault) {
        public String targetName() {
            return query.get("target_name");
        }

        public String param(String name) {
            return query.get(name);
        }
    }

    /**
     * What to do instead of (or on top of) the normal answer. Faults are immutable descriptions; installing one
     * with {@link ProxboxStandIn#fault} gives it its own counter, so the same value can be installed twice.
     * Compose with {@link #times(int)} (apply to the next N matching requests only, then answer normally) and
     * {@link #delayed(Duration)}.
     */
    public static final class Fault {
        private final int status;          // 0: the normal answer
        private final String retryAfter;   // header value, or null
        private final boolean truncate;
        private final Duration delay;
        private final int times;           // -1: every request
        private final AtomicInteger remaining;

        private Fault(int status, String retryAfter, boolean truncate, Duration delay, int times) {
            this.status = status;
            this.retryAfter = retryAfter;
            this.truncate = truncate;
            this.delay = delay;
            this.times = times;
            this.remaining = new AtomicInteger(times);
        }

        /** Answers this HTTP status with the proxbox-api error JSON. */
        public static Fault status(int status) {
            if (status < 100 || status > 599) {
                throw new IllegalArgumentException("not an HTTP status: " + status);
            }
            return new Fault(status, null, false, Duration.ZERO, -1);
        }

        /** Answers 429 with {@code Retry-After: <seconds>}; usually with {@link #times(int)}. */
        public static Fault rateLimited(int retryAfterSeconds) {
            return new Fault(429, Integer.toString(retryAfterSeconds), false, Duration.ZERO, -1);
        }

        /** Answers normally, but with the body cut to its first half (invalid JSON, honest Content-Length). */
        public static Fault truncated() {
            return new Fault(0, null, true, Duration.ZERO, -1);
        }

        /** Answers normally, after waiting (to provoke client read timeouts). */
        public static Fault delay(Duration delay) {
            return new Fault(0, null, false, requireNonNegative(delay), -1);
        }

        /** This fault for the next {@code n} matching requests only; later ones are answered normally. */
        public Fault times(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("times must be >= 1: " + n);
            }
            return new Fault(status, retryAfter, truncate, delay, n);
        }

        /** This fault, answered after waiting. */
        public Fault delayed(Duration d) {
            return new Fault(status, retryAfter, truncate, requireNonNegative(d), times);
        }

        /** Adds a {@code Retry-After} header to a status fault (e.g. 503). */
        public Fault retryAfter(int seconds) {
            return new Fault(status, Integer.toString(seconds), truncate, delay, times);
        }

        Fault fresh() {
            return new Fault(status, retryAfter, truncate, delay, times);
        }

        /** Claims one use; false once a {@link #times(int)} budget is spent. */
        boolean take() {
            return times < 0 || remaining.getAndUpdate(r -> r > 0 ? r - 1 : 0) > 0;
        }

        Response response(String path) {
            String reason = status == 429 ? "Too Many Requests" : "Injected fault";
            Response r = error(status, reason, "Stand-in fault: HTTP " + status + " for " + path, "InjectedFault");
            return new Response(r.status, r.body, retryAfter);
        }

        private static Duration requireNonNegative(Duration d) {
            if (d.isNegative()) {
                throw new IllegalArgumentException("negative delay: " + d);
            }
            return d;
        }

        @Override
        public String toString() {
            List<String> parts = new ArrayList<>();
            if (status > 0) {
                parts.add("status=" + status);
            }
            if (retryAfter != null) {
                parts.add("retryAfter=" + retryAfter);
            }
            if (truncate) {
                parts.add("truncated");
            }
            if (!delay.isZero()) {
                parts.add("delay=" + delay);
            }
            if (times >= 0) {
                parts.add("times=" + times);
            }
            return "Fault" + parts;
        }
    }
}
