package org.cephsync.source;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import javax.net.ssl.SSLException;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;

/**
 * Reads the Proxmox VE API itself, {@code <node>/api2/json<path>}, with an API token per endpoint
 * ({@code Authorization: PVEAPIToken=USER@REALM!TOKENID=SECRET}), the same paths and the same number of
 * requests as the other sources. The endpoints come from configuration ({@link PveEndpoints}) or, with
 * {@code netbox.url} set, from NetBox's netbox-proxbox, their tokens and trust from configuration under their
 * names. A node that does not take the connection is skipped for the next address of its endpoint; answers
 * are judged as proxbox-api's are ({@link SourceAnswers}: 5xx and no answer retried, 401/403/404 and
 * malformed JSON not).
 */
@ApplicationScoped
@Typed(ProxmoxSource.class)
public class ProxmoxSource implements CephSource {

    private static final Logger LOG = Logger.getLogger(ProxmoxSource.class.getName());
    static final String API = "/api2/json";

    @Inject
    Config config;

    @Inject
    @ConfigProperty(name = "ceph-sync.proxmox.connect-timeout-seconds", defaultValue = "5")
    long connectTimeoutSeconds;

    @Inject
    @ConfigProperty(name = "ceph-sync.proxmox.read-timeout-seconds", defaultValue = "30")
    long readTimeoutSeconds;

    @Inject
    @ConfigProperty(name = "proxbox.retry-after-max-seconds", defaultValue = "30")
    long retryAfterMaxSeconds;

    @Inject
    NetBoxProxbox netbox;

    private final Map<String, Client> clients = new ConcurrentHashMap<>();

    /** One endpoint's HTTP client (its TLS trust) and the node address that answered last. */
    private static final class Client {
        final PveEndpoint endpoint;
        final HttpClient http;
        volatile int preferred;

        Client(PveEndpoint endpoint, HttpClient http) {
            this.endpoint = endpoint;
            this.http = http;
        }
    }

    @Override
    public List<EndpointInfo> endpoints() {
        return configured().stream().map(PveEndpoint::info).toList();
    }

    @Override
    @Retry(maxRetries = 3, delay = 1000, jitter = 250, retryOn = TransientSourceException.class)
    @Timeout(value = 180, unit = ChronoUnit.SECONDS)
    public JsonValue read(String endpointName, String pvePath, Set<String> unreadMembers) {
        String what = "GET " + pvePath + " of endpoint " + endpointName;
        Client client = client(endpointName);
        List<URI> hosts = client.endpoint.hosts();
        List<String> unanswered = new ArrayList<>();
        for (int tried = 0; tried < hosts.size(); tried++) {
            int index = (client.preferred + tried) % hosts.size();
            URI host = hosts.get(index);
            HttpRequest request = HttpRequest.newBuilder(URI.create(host + API + pvePath))
                    .timeout(Duration.ofSeconds(readTimeoutSeconds))
                    .header("Accept", "application/json")
                    .header("Authorization", client.endpoint.authorization())
                    .build();
            HttpResponse<String> response;
            try {
                response = client.http.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (ConnectException | HttpConnectTimeoutException e) {
                unanswered.add(host + " (no connection: " + SourceAnswers.rootMessage(e) + ")");
                continue;
            } catch (SSLException e) {
                throw new SourceException(what + ": the TLS certificate of " + host + " is not trusted ("
                        + SourceAnswers.rootMessage(e) + ")", e);
            } catch (IOException e) {
                throw answers(endpointName).noAnswer(what + " at " + host, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SourceException(what + ": interrupted", e);
            }
            if (index != client.preferred) {
                LOG.info(() -> "Proxmox endpoint " + endpointName + ": reading through " + host + " (not answering: " + unanswered + ")");
                client.preferred = index;
            }
            return PveBodies.unwrap(what, answers(endpointName).accept(what + " at " + host, response.statusCode(),
                    response.body(), response.headers().firstValue("Retry-After").orElse(null), unreadMembers));
        }
        throw new TransientSourceException(what + ": no node of the endpoint answered: " + String.join(", ", unanswered));
    }

    @Override
    public String describe() {
        return "Proxmox VE API" + (netbox.configured() ? " with the endpoints of " + netbox.describe() : " (ceph-sync.proxmox.endpoints)");
    }

    private SourceAnswers answers(String endpointName) {
        return new SourceAnswers("Proxmox VE", "the API token was refused: check ceph-sync.proxmox." + endpointName
                + ".token-id / .token-secret and its privileges", retryAfterMaxSeconds);
    }

    private List<PveEndpoint> configured() {
        if (netbox.configured()) {
            return netbox.proxmoxEndpoints().stream().map(e -> PveEndpoints.forListed(this::value, e)).toList();
        }
        return PveEndpoints.fromConfig(this::value);
    }

    private Optional<String> value(String key) {
        return config.getOptionalValue(key, String.class);
    }

    private Client client(String endpointName) {
        Client client = clients.get(endpointName);
        if (client != null) {
            return client;
        }
        PveEndpoint endpoint = configured().stream().filter(e -> e.name().equals(endpointName)).findFirst()
                .orElseThrow(() -> new SourceException("no Proxmox endpoint named " + endpointName + " is configured"));
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(connectTimeoutSeconds))
                .sslContext(PveTls.context(endpoint))
                .build();
        return clients.computeIfAbsent(endpointName, name -> new Client(endpoint, http));
    }
}
