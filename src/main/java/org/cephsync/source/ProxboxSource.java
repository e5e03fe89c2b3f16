package org.cephsync.source;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

/**
 * Reads through proxbox-api; with {@code netbox.url} set, the endpoints (and, without {@code proxbox.url}, the
 * proxbox-api itself) come from NetBox's netbox-proxbox ({@link NetBoxProxbox}). Every call has a timeout; 5xx
 * answers, refused connections and read timeouts are retried a bounded number of times with a pause; a 429
 * waits for its Retry-After (capped) before the retry; 401/403/404 and malformed bodies are not retried
 * ({@link SourceAnswers}, shared with {@link ProxmoxSource}).
 */
@ApplicationScoped
@Typed(ProxboxSource.class)
public class ProxboxSource implements CephSource {

    private static final Logger LOG = Logger.getLogger(ProxboxSource.class.getName());
    private static final int PAGE = 100;
    private static final Pattern CLUSTER = Pattern.compile("/cluster/([\\w.-]+)");
    private static final Pattern CLUSTER_CEPH = Pattern.compile("/cluster/ceph/([\\w.-]+)");
    private static final Pattern NODE_CEPH = Pattern.compile("/nodes/([\\w.-]+)/ceph/([\\w.-]+)");

    @Inject
    @ConfigProperty(name = "proxbox.url")
    Optional<String> url;

    @Inject
    @ConfigProperty(name = "proxbox.api-key")
    Optional<String> apiKey;

    @Inject
    @ConfigProperty(name = "proxbox.endpoint-source", defaultValue = "database")
    String endpointSource;

    @Inject
    @ConfigProperty(name = "proxbox.connect-timeout-seconds", defaultValue = "5")
    long connectTimeoutSeconds;

    @Inject
    @ConfigProperty(name = "proxbox.read-timeout-seconds", defaultValue = "30")
    long readTimeoutSeconds;

    @Inject
    @ConfigProperty(name = "proxbox.retry-after-max-seconds", defaultValue = "30")
    long retryAfterMaxSeconds;

    @Inject
    NetBoxProxbox netbox;

    private volatile ProxboxApi api;

    @Override
    @Retry(maxRetries = 3, delay = 1000, jitter = 250, retryOn = TransientSourceException.class)
    @Timeout(value = 180, unit = ChronoUnit.SECONDS)
    public List<EndpointInfo> endpoints() {
        if (netbox.configured()) {
            return netbox.proxmoxEndpoints();
        }
        List<EndpointInfo> all = new ArrayList<>();
        for (int offset = 0; ; offset += PAGE) {
            int from = offset;
            List<EndpointInfo> page = PveBodies.endpoints("proxbox-api /proxmox/endpoints",
                    body("proxbox-api /proxmox/endpoints", Set.of(), () -> api().endpoints(key(), from, PAGE)));
            all.addAll(page);
            if (page.size() < PAGE) {
                return all;
            }
        }
    }

    @Override
    @Retry(maxRetries = 3, delay = 1000, jitter = 250, retryOn = TransientSourceException.class)
    @Timeout(value = 180, unit = ChronoUnit.SECONDS)
    public JsonValue read(String endpointName, String pvePath, Set<String> unreadMembers) {
        String what = "GET " + pvePath + " of endpoint " + endpointName;
        Matcher m;
        if ((m = NODE_CEPH.matcher(pvePath)).matches()) {
            String node = m.group(1);
            String item = m.group(2);
            return body(what, unreadMembers, () -> api().nodeCeph(key(), node, item, endpointSource, endpointName));
        }
        if ((m = CLUSTER_CEPH.matcher(pvePath)).matches()) {
            String item = m.group(1);
            return body(what, unreadMembers, () -> api().clusterCeph(key(), item, endpointSource, endpointName));
        }
        if ((m = CLUSTER.matcher(pvePath)).matches()) {
            String item = m.group(1);
            return body(what, unreadMembers, () -> api().cluster(key(), item, endpointSource, endpointName));
        }
        throw new SourceException(what + ": not a path ceph-sync reads through proxbox-api");
    }

    @Override
    public String describe() {
        if (netbox.configured()) {
            return "proxbox-api at " + url.orElse("(NetBox's FastAPI endpoint)") + " with the endpoints of " + netbox.describe();
        }
        return "proxbox-api at " + url.orElse("(proxbox.url not set)");
    }

    private JsonValue body(String what, Set<String> unreadMembers, Supplier<Response> call) {
        Response response;
        String text;
        try {
            response = call.get();
        } catch (ProcessingException e) {
            throw answers().noAnswer(what, e);
        }
        try (response) {
            text = response.readEntity(String.class);
        } catch (ProcessingException e) {
            throw new TransientSourceException(what + ": the answer broke off (" + SourceAnswers.rootMessage(e) + ")", e);
        }
        return answers().accept(what, response.getStatus(), text, response.getHeaderString("Retry-After"), unreadMembers);
    }

    private SourceAnswers answers() {
        return new SourceAnswers("proxbox-api", "the proxbox-api key was refused: check proxbox.api-key", retryAfterMaxSeconds);
    }

    private String key() {
        return apiKey.orElseThrow(() -> new SourceException("proxbox.api-key is not configured"));
    }

    private ProxboxApi api() {
        ProxboxApi current = api;
        if (current == null) {
            synchronized (this) {
                if (api == null) {
                    String base = url.orElseGet(() -> {
                        if (!netbox.configured()) {
                            throw new SourceException("proxbox.url is not configured");
                        }
                        return netbox.proxboxApiUrl();
                    });
                    api = RestClientBuilder.newBuilder()
                            .baseUri(URI.create(base))
                            .connectTimeout(connectTimeoutSeconds, TimeUnit.SECONDS)
                            .readTimeout(readTimeoutSeconds, TimeUnit.SECONDS)
                            .property("microprofile.rest.client.disable.default.mapper", true)
                            .build(ProxboxApi.class);
                }
                current = api;
            }
        }
        return current;
    }

    @PreDestroy
    void close() {
        if (api instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                LOG.fine(() -> "closing the proxbox-api client: " + e);
            }
        }
    }
}
