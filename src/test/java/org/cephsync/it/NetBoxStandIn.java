package org.cephsync.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * NetBox with netbox-proxbox, over real HTTP on 127.0.0.1, as far as ceph-sync reads it: the Proxmox endpoints
 * ({@code /api/plugins/proxbox/endpoints/proxmox/}, NetBox-paginated with at most {@link #PAGE} a page, so
 * that a client must follow the {@code next} links) and the FastAPI endpoint that names the proxbox-api,
 * and its ProxmoxCluster and ProxmoxNode objects (paginated the same way, the endpoint and cluster nested),
 * shaped like netbox-proxbox's serializers (the IP address nested as NetBox's IPAddress). Every request must
 * carry the configured Authorization value; others get NetBox's 403.
 */
final class NetBoxStandIn implements AutoCloseable {

    static final int PAGE = 1;

    /** An endpoint as netbox-proxbox lists it. */
    record Endpoint(long id, String name, String ip) {
    }

    /** A ProxmoxNode or ProxmoxCluster of netbox-proxbox: its NetBox id, its name and its endpoint. */
    record ProxmoxObject(long id, String name, Endpoint endpoint) {
    }

    private final List<Endpoint> endpoints;
    private final List<ProxmoxObject> clusters;
    private volatile List<ProxmoxObject> nodes;
    private final URI proxboxApi;
    private final String authorization;
    private final List<String> authorizationsSeen = new CopyOnWriteArrayList<>();
    private HttpServer server;

    NetBoxStandIn(List<Endpoint> endpoints, List<ProxmoxObject> clusters, List<ProxmoxObject> nodes, URI proxboxApi,
                  String authorization) {
        this.endpoints = List.copyOf(endpoints);
        this.clusters = List.copyOf(clusters);
        this.nodes = List.copyOf(nodes);
        this.proxboxApi = proxboxApi;
        this.authorization = authorization;
    }

    NetBoxStandIn start() throws IOException {
        server = LoopbackServers.http();
        server.createContext("/", this::handle);
        server.start();
        return this;
    }

    URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Replaces the ProxmoxNode objects NetBox lists (as when netbox-proxbox re-creates them). */
    void nodes(List<ProxmoxObject> replaced) {
        nodes = List.copyOf(replaced);
    }

    List<String> authorizationsSeen() {
        return List.copyOf(authorizationsSeen);
    }

    @Override
    public void close() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String seen = exchange.getRequestHeaders().getFirst("Authorization");
            authorizationsSeen.add(String.valueOf(seen));
            if (!authorization.equals(seen)) {
                answer(exchange, 403, Json.createObjectBuilder().add("detail", "Invalid v2 token").build());
                return;
            }
            String path = exchange.getRequestURI().getPath();
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            int offset = Integer.parseInt(query.getOrDefault("offset", "0"));
            int limit = Math.min(PAGE, Integer.parseInt(query.getOrDefault("limit", "50")));
            if (path.equals("/api/plugins/proxbox/endpoints/proxmox/")) {
                answer(exchange, 200, page(path, offset, limit, endpoints.stream().map(this::proxmox).toList()));
            } else if (path.equals("/api/plugins/proxbox/proxmox-clusters/")) {
                answer(exchange, 200, page(path, offset, limit, clusters.stream().map(this::cluster).toList()));
            } else if (path.equals("/api/plugins/proxbox/proxmox-nodes/")) {
                answer(exchange, 200, page(path, offset, limit, nodes.stream().map(this::node).toList()));
            } else if (path.equals("/api/plugins/proxbox/endpoints/fastapi/")) {
                answer(exchange, 200, page(path, 0, 50, List.of(fastapi())));
            } else {
                answer(exchange, 404, Json.createObjectBuilder().add("detail", "Not found.").build());
            }
        }
    }

    private JsonObject page(String path, int offset, int limit, List<JsonObject> all) {
        JsonArrayBuilder results = Json.createArrayBuilder();
        all.stream().skip(offset).limit(limit).forEach(results::add);
        var page = Json.createObjectBuilder().add("count", all.size());
        if (offset + limit < all.size()) {
            page.add("next", baseUri() + path + "?limit=" + limit + "&offset=" + (offset + limit));
        } else {
            page.addNull("next");
        }
        if (offset > 0) {
            page.add("previous", baseUri() + path + "?limit=" + limit + "&offset=" + Math.max(0, offset - limit));
        } else {
            page.addNull("previous");
        }
        return page.add("results", results).build();
    }

    private JsonObject proxmox(Endpoint e) {
        return Json.createObjectBuilder()
                .add("id", e.id())
                .add("url", baseUri() + "/api/plugins/proxbox/endpoints/proxmox/" + e.id() + "/")
                .add("display", e.name() + " (" + e.ip() + ")")
                .add("name", e.name())
                .add("ip_address", Json.createObjectBuilder().add("id", e.id() * 10).add("family", 4)
                        .add("address", e.ip() + "/24").add("display", e.ip() + "/24"))
                .addNull("domain")
                .add("port", 8006)
                .add("mode", Json.createObjectBuilder().add("value", "cluster").add("label", "Cluster"))
                .add("username", "root@pam")
                .add("token_name", "netbox")
                .add("verify_ssl", true)
                .add("tags", Json.createArrayBuilder())
                .add("custom_fields", Json.createObjectBuilder())
                .build();
    }

    private JsonObject nested(String path, long id, String name) {
        return Json.createObjectBuilder().add("id", id).add("url", baseUri() + path + id + "/").add("display", name)
                .add("name", name).build();
    }

    private JsonObject cluster(ProxmoxObject c) {
        return Json.createObjectBuilder()
                .add("id", c.id())
                .add("url", baseUri() + "/api/plugins/proxbox/proxmox-clusters/" + c.id() + "/")
                .add("display", c.name())
                .add("name", c.name())
                .add("endpoint", nested("/api/plugins/proxbox/endpoints/proxmox/", c.endpoint().id(), c.endpoint().name()))
                .add("mode", "cluster")
                .add("tags", Json.createArrayBuilder())
                .add("custom_fields", Json.createObjectBuilder())
                .build();
    }

    private JsonObject node(ProxmoxObject n) {
        ProxmoxObject cluster = clusters.stream().filter(c -> c.endpoint().equals(n.endpoint())).findFirst().orElseThrow();
        return Json.createObjectBuilder()
                .add("id", n.id())
                .add("url", baseUri() + "/api/plugins/proxbox/proxmox-nodes/" + n.id() + "/")
                .add("display", n.name())
                .add("name", n.name())
                .add("endpoint", nested("/api/plugins/proxbox/endpoints/proxmox/", n.endpoint().id(), n.endpoint().name()))
                .add("proxmox_cluster", nested("/api/plugins/proxbox/proxmox-clusters/", cluster.id(), cluster.name()))
                .add("node_id", n.id() % 10)
                .add("online", true)
                .add("tags", Json.createArrayBuilder())
                .add("custom_fields", Json.createObjectBuilder())
                .build();
    }

    private JsonObject fastapi() {
        return Json.createObjectBuilder()
                .add("id", 1)
                .add("url", baseUri() + "/api/plugins/proxbox/endpoints/fastapi/1/")
                .add("display", "proxbox-api")
                .add("name", "proxbox-api")
                .addNull("ip_address")
                .add("domain", proxboxApi.getHost())
                .add("port", proxboxApi.getPort())
                .add("verify_ssl", false)
                .add("use_websocket", false)
                .add("tags", Json.createArrayBuilder())
                .add("custom_fields", Json.createObjectBuilder())
                .build();
    }

    private static Map<String, String> query(String raw) {
        if (raw == null || raw.isEmpty()) {
            return Map.of();
        }
        return java.util.Arrays.stream(raw.split("&")).map(p -> p.split("=", 2))
                .collect(Collectors.toMap(p -> p[0], p -> p.length > 1 ? p[1] : "", (a, b) -> b));
    }

    private static void answer(HttpExchange exchange, int status, JsonObject body) throws IOException {
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
