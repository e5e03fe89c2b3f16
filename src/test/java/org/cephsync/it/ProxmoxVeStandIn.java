package org.cephsync.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * One node of a Proxmox VE cluster, over real HTTP or HTTPS on 127.0.0.1, as far as ceph-sync reads it:
 * {@code /api2/json<path>} answers the snapshot's {@code <endpoint>/<path>.json} (PVE-wrapped,
 * {@code {"data": ...}}) to requests with the expected {@code Authorization: PVEAPIToken=...}, else PVE's 401.
 * Over HTTPS it has a self-signed certificate made for it by keytool (CN=pve1, no name of 127.0.0.1), whose
 * SHA-256 fingerprint {@link #fingerprint()} gives as {@code pvenode cert info} prints it. A path can be made
 * to answer late or broken off.
 */
final class ProxmoxVeStandIn implements AutoCloseable {

    private final Path endpointDir;
    private final String authorization;
    private final boolean https;
    private final Map<String, Duration> delays = new ConcurrentHashMap<>();
    private final Map<String, Boolean> truncated = new ConcurrentHashMap<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private HttpServer server;
    private ExecutorService executor;
    private String fingerprint;

    /** @param authorization the whole header value the node accepts: {@code PVEAPIToken=user@realm!id=secret} */
    ProxmoxVeStandIn(Path endpointDir, String authorization, boolean https) {
        this.endpointDir = endpointDir;
        this.authorization = authorization;
        this.https = https;
    }

    ProxmoxVeStandIn start() throws Exception {
        if (https) {
            HttpsServer secure = LoopbackServers.https();
            secure.setHttpsConfigurator(new HttpsConfigurator(selfSigned()));
            server = secure;
        } else {
            server = LoopbackServers.http();
        }
        executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "pve-stand-in");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
        return this;
    }

    /** What to give ceph-sync as this node's address: {@code https://127.0.0.1:<port>} or the explicit {@code http://...}. */
    String address() {
        return (https ? "https" : "http") + "://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The SHA-256 fingerprint of the node's certificate, {@code AB:CD:...}. */
    String fingerprint() {
        return fingerprint;
    }

    void delay(String pvePath, Duration delay) {
        delays.put(ProxmoxVeStandIn.path(pvePath), delay);
    }

    void truncate(String pvePath) {
        truncated.put(ProxmoxVeStandIn.path(pvePath), true);
    }

    void clearFaults() {
        delays.clear();
        truncated.clear();
    }

    /** Requests as "METHOD path status", in order. */
    List<String> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
            server = null;
        }
    }

    private static String path(String pvePath) {
        return "/api2/json" + pvePath;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (!authorization.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                requests.add(exchange.getRequestMethod() + " " + path + " 401");
                // PVE answers a bad token with 401 "authentication failure" and an empty data
                answer(exchange, 401, "{\"data\":null}");
                return;
            }
            Path file = path.startsWith("/api2/json/") ? endpointDir.resolve(path.substring("/api2/json/".length()) + ".json").normalize() : null;
            if (file == null || !file.startsWith(endpointDir) || !Files.isRegularFile(file)) {
                // what PVE itself answers for a path it has no handler for
                requests.add(exchange.getRequestMethod() + " " + path + " 501");
                answer(exchange, 501, "{\"data\":null,\"message\":\"Method 'GET " + path + "' not implemented\"}");
                return;
            }
            Duration delay = delays.get(path);
            if (delay != null) {
                try {
                    TimeUnit.MILLISECONDS.sleep(delay.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            String body = Files.readString(file);
            if (truncated.containsKey(path)) {
                body = body.substring(0, body.length() / 2);
            }
            requests.add(exchange.getRequestMethod() + " " + path + " 200");
            answer(exchange, 200, body);
        } catch (IOException e) {
            // the client went away (its own timeout): keep serving
        }
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json;charset=UTF-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** A fresh self-signed certificate, as a PVE node has before anyone replaces it. */
    private SSLContext selfSigned() throws Exception {
        Path dir = Files.createTempDirectory("pve-stand-in-tls");
        Path keystore = dir.resolve("pve.p12");
        char[] password = "stand-in".toCharArray();
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "pve", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=pve1, OU=PVE Cluster Node, O=Proxmox Virtual Environment", "-storetype", "PKCS12",
                "-keystore", keystore.toString(), "-storepass", new String(password), "-keypass", new String(password))
                .redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (keytool.waitFor() != 0) {
            throw new IllegalStateException("keytool failed: " + output);
        }
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, password);
        }
        X509Certificate certificate = (X509Certificate) store.getCertificate("pve");
        String hex = HexFormat.of().withUpperCase().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        fingerprint = String.join(":", hex.split("(?<=\\G..)"));
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, password);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        return context;
    }
}
