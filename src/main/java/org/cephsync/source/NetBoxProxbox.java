package org.cephsync.source;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.cephsync.inventory.ProxmoxObjects;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * NetBox's netbox-proxbox API, read when {@code netbox.url} is set: the Proxmox endpoints in scope
 * ({@code /api/plugins/proxbox/endpoints/proxmox/}, every page) and the proxbox-api to read them through
 * (the first {@code /api/plugins/proxbox/endpoints/fastapi/}), as netbox-ceph inherits them from
 * netbox-proxbox; and the ProxmoxNode / ProxmoxCluster objects rows refer to. {@code netbox.token} is sent
 * as NetBox wants it: {@code Bearer nbt_...} for a v2 token, {@code Token ...} for a v1 one. Failures are
 * {@link SourceException}s that say what to fix.
 */
@ApplicationScoped
public class NetBoxProxbox {

    static final String PROXMOX_ENDPOINTS = "/api/plugins/proxbox/endpoints/proxmox/";
    static final String FASTAPI_ENDPOINTS = "/api/plugins/proxbox/endpoints/fastapi/";
    static final String PROXMOX_NODES = "/api/plugins/proxbox/proxmox-nodes/";
    static final String PROXMOX_CLUSTERS = "/api/plugins/proxbox/proxmox-clusters/";
    private static final Logger LOG = Logger.getLogger(NetBoxProxbox.class.getName());
    private static final int PAGE = 100;
    /** More pages than this is a NetBox that loops on its next links, not an inventory. */
    private static final int MAX_PAGES = 1_000;

    @Inject
    @ConfigProperty(name = "netbox.url")
    Optional<String> url;

    @Inject
    @ConfigProperty(name = "netbox.token")
    Optional<String> token;

    @Inject
    @ConfigProperty(name = "netbox.timeout-seconds", defaultValue = "30")
    long timeoutSeconds;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    public boolean configured() {
        return url.filter(u -> !u.isBlank()).isPresent();
    }

    public String describe() {
        return "NetBox at " + url.orElse("(netbox.url not set)");
    }

    /** The Proxmox endpoints NetBox's netbox-proxbox lists, in its order. */
    public List<EndpointInfo> proxmoxEndpoints() {
        List<EndpointInfo> endpoints = new ArrayList<>();
        for (JsonObject endpoint : all(PROXMOX_ENDPOINTS)) {
            endpoints.add(endpoint(endpoint));
        }
        return endpoints;
    }

    /**
     * The endpoints with the ProxmoxNode and ProxmoxCluster objects NetBox holds for each (every page of both
     * lists, matched to an endpoint by their {@code endpoint} reference). A netbox-proxbox without one of these
     * lists (404) has no such objects: the references stay null, and the log says so.
     */
    public List<EndpointInfo> withProxmoxObjects(List<EndpointInfo> endpoints) {
        Map<Long, Map<String, Long>> nodes = byEndpoint(PROXMOX_NODES);
        Map<Long, Map<String, Long>> clusters = byEndpoint(PROXMOX_CLUSTERS);
        return endpoints.stream().map(e -> e.with(new ProxmoxObjects(nodes.getOrDefault(e.id(), Map.of()),
                clusters.getOrDefault(e.id(), Map.of())))).toList();
    }

    /** The objects of a netbox-proxbox list: endpoint id, then name, then the object's id. */
    private Map<Long, Map<String, Long>> byEndpoint(String path) {
        Map<Long, Map<String, Long>> byEndpoint = new HashMap<>();
        List<JsonObject> objects;
        try {
            objects = all(path);
        } catch (NoSuchList e) {
            LOG.warning(() -> e.getMessage() + ": proxmox_node / proxmox_cluster stay null");
            return byEndpoint;
        }
        for (JsonObject object : objects) {
            Integer id = number(object, "id");
            Optional<String> name = text(object, "name");
            Integer endpoint = reference(object, "endpoint");
            if (id == null || name.isEmpty() || endpoint == null) {
                throw new SourceException(describe() + ": " + path + " lists an object without its id, name or endpoint: " + object);
            }
            byEndpoint.computeIfAbsent(endpoint.longValue(), e -> new HashMap<>()).put(name.get(), id.longValue());
        }
        return byEndpoint;
    }

    /** A NetBox reference, nested ({@code {"id": 3, "url": ...}}) or as a bare id. */
    private static Integer reference(JsonObject object, String key) {
        JsonValue value = object.get(key);
        return value != null && value.getValueType() == JsonValue.ValueType.OBJECT ? number(value.asJsonObject(), "id")
                : number(object, key);
    }

    /** The base URL of the proxbox-api that NetBox's first FastAPI endpoint names. */
    public String proxboxApiUrl() {
        JsonObject page = get(URI.create(base() + FASTAPI_ENDPOINTS + "?limit=1"));
        List<JsonObject> results = results(page, FASTAPI_ENDPOINTS);
        if (results.isEmpty()) {
            throw new SourceException(describe() + " lists no FastAPI endpoint (" + FASTAPI_ENDPOINTS
                    + "): add the proxbox-api there, or set proxbox.url");
        }
        JsonObject fastapi = results.get(0);
        String host = host(fastapi).orElseThrow(() -> new SourceException(describe() + ": FastAPI endpoint "
                + fastapi.get("name") + " has neither a domain nor an IP address"));
        Integer port = number(fastapi, "port");
        String scheme = port != null && port == 443 ? "https" : "http";
        return scheme + "://" + host + (port == null ? "" : ":" + port);
    }

    private List<JsonObject> all(String path) {
        List<JsonObject> all = new ArrayList<>();
        URI next = URI.create(base() + path + "?limit=" + PAGE);
        for (int pages = 0; next != null; pages++) {
            if (pages == MAX_PAGES) {
                throw new SourceException(describe() + ": " + path + " has more than " + MAX_PAGES + " pages");
            }
            JsonObject page = get(next);
            all.addAll(results(page, path));
            JsonValue link = page.get("next");
            next = link == null || link.getValueType() != JsonValue.ValueType.STRING ? null : URI.create(page.getString("next"));
        }
        return all;
    }

    private JsonObject get(URI uri) {
        String what = "GET " + uri.getPath() + " of " + describe();
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(timeoutSeconds))
                .header("Accept", "application/json");
        token.filter(t -> !t.isBlank()).ifPresent(t -> request.header("Authorization", authorization(t.strip())));
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new TransientSourceException(what + ": NetBox did not answer (" + e + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SourceException(what + ": interrupted", e);
        }
        int status = response.statusCode();
        if (status == 401 || status == 403) {
            throw new SourceException(what + ": NetBox answered " + status + " (check netbox.token)");
        }
        if (status >= 500) {
            throw new TransientSourceException(what + ": NetBox answered " + status);
        }
        if (status == 404) {
            throw new NoSuchList(what + ": NetBox answered 404 (is netbox-proxbox installed?)");
        }
        if (status != 200) {
            throw new SourceException(what + ": NetBox answered " + status);
        }
        JsonValue body = PveBodies.parse(what, response.body());
        if (body.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new SourceException(what + ": expected a NetBox page, got " + body.getValueType());
        }
        return body.asJsonObject();
    }

    /** A path NetBox does not have (404). */
    private static final class NoSuchList extends SourceException {
        private static final long serialVersionUID = 1L;

        NoSuchList(String message) {
            super(message);
        }
    }

    /** NetBox 4.5's v2 tokens go as Bearer, v1 tokens (40 hex) as Token. */
    static String authorization(String token) {
        return token.startsWith("nbt_") ? "Bearer " + token : "Token " + token;
    }

    private List<JsonObject> results(JsonObject page, String path) {
        JsonValue results = page.get("results");
        if (results == null || results.getValueType() != JsonValue.ValueType.ARRAY) {
            throw new SourceException(describe() + ": " + path + " is not a NetBox list (no results)");
        }
        List<JsonObject> objects = new ArrayList<>();
        for (JsonValue result : results.asJsonArray()) {
            if (result.getValueType() != JsonValue.ValueType.OBJECT) {
                throw new SourceException(describe() + ": " + path + " lists a non-object: " + result);
            }
            objects.add(result.asJsonObject());
        }
        return objects;
    }

    private EndpointInfo endpoint(JsonObject endpoint) {
        Integer id = number(endpoint, "id");
        JsonValue name = endpoint.get("name");
        if (id == null || name == null || name.getValueType() != JsonValue.ValueType.STRING) {
            throw new SourceException(describe() + ": a Proxmox endpoint lacks its id or name: " + endpoint);
        }
        return new EndpointInfo(id, endpoint.getString("name"), text(endpoint, "domain").orElse(null),
                address(endpoint).orElse(null), number(endpoint, "port"));
    }

    private static Optional<String> host(JsonObject endpoint) {
        return text(endpoint, "domain").filter(d -> !d.isBlank()).or(() -> address(endpoint));
    }

    /** netbox-proxbox nests NetBox's IPAddress: {@code {"address": "10.0.0.5/24", ...}}. */
    private static Optional<String> address(JsonObject endpoint) {
        JsonValue ip = endpoint.get("ip_address");
        if (ip == null || ip.getValueType() != JsonValue.ValueType.OBJECT) {
            return Optional.empty();
        }
        return text(ip.asJsonObject(), "address").map(a -> a.split("/", 2)[0]);
    }

    private static Optional<String> text(JsonObject object, String key) {
        JsonValue value = object.get(key);
        return value != null && value.getValueType() == JsonValue.ValueType.STRING ? Optional.of(object.getString(key)) : Optional.empty();
    }

    private static Integer number(JsonObject object, String key) {
        JsonValue value = object.get(key);
        return value != null && value.getValueType() == JsonValue.ValueType.NUMBER ? object.getInt(key) : null;
    }

    /** netbox.url without a trailing slash: NetBox's own paths follow it (it may sit under a path prefix). */
    private String base() {
        String base = url.orElseThrow(() -> new SourceException("netbox.url is not configured")).strip();
        return base.replaceAll("/+$", "");
    }
}
