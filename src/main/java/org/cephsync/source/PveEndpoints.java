package org.cephsync.source;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The {@code proxmox} source's endpoints from configuration:
 * <pre>
 * ceph-sync.proxmox.endpoints=pve-a,pve-b
 * ceph-sync.proxmox.pve-a.hosts=10.0.0.11,10.0.0.12      (https, port 8006 unless given; http:// only if written)
 * ceph-sync.proxmox.pve-a.token-id=ceph-sync@pve!sync
 * ceph-sync.proxmox.pve-a.token-secret=...
 * ceph-sync.proxmox.pve-a.fingerprint=AB:CD:...[,...]    (or .ca-file=/etc/ceph-sync/pve-a.pem)
 * ceph-sync.proxmox.pve-a.id=7                             (optional)
 * </pre>
 * An endpoint's id is its {@code id} key, else derived from its name (the same on every server and after
 * every change of the other endpoints): the inventory's rows and {@code ?endpoint=} filters depend on it.
 */
final class PveEndpoints {

    static final String PREFIX = "ceph-sync.proxmox.";
    static final int DEFAULT_PORT = 8006;
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9A-F]{64}");

    private PveEndpoints() {
    }

    /**
     * @param config a configuration lookup: key to value, empty when unset
     */
    static List<PveEndpoint> fromConfig(Function<String, Optional<String>> config) {
        List<String> names = list(config.apply(PREFIX + "endpoints").orElseThrow(() -> new SourceException(
                "ceph-sync.source=proxmox needs " + PREFIX + "endpoints (names, comma-separated) or netbox.url")));
        List<PveEndpoint> endpoints = new ArrayList<>();
        for (String name : names) {
            List<String> hosts = list(required(config, name, "hosts"));
            endpoints.add(endpoint(config, name, id(config, name), hosts));
        }
        return unique(endpoints);
    }

    /** An endpoint NetBox lists: its id and address from NetBox, its token and trust from the configuration under its name. */
    static PveEndpoint forListed(Function<String, Optional<String>> config, EndpointInfo listed) {
        String address = listed.domain() != null && !listed.domain().isBlank() ? listed.domain() : listed.ipAddress();
        List<String> hosts = config.apply(PREFIX + listed.name() + ".hosts").map(PveEndpoints::list)
                .orElseGet(() -> address == null ? List.of()
                        : List.of(address + (listed.port() == null ? "" : ":" + listed.port())));
        if (hosts.isEmpty()) {
            throw new SourceException("Proxmox endpoint " + listed.name() + " has no address in NetBox and no "
                    + PREFIX + listed.name() + ".hosts");
        }
        return endpoint(config, listed.name(), listed.id(), hosts);
    }

    private static PveEndpoint endpoint(Function<String, Optional<String>> config, String name, long id, List<String> hosts) {
        List<URI> uris = hosts.stream().map(h -> host(name, h)).toList();
        List<String> fingerprints = config.apply(PREFIX + name + ".fingerprint").map(PveEndpoints::list).orElse(List.of())
                .stream().map(f -> fingerprint(name, f)).toList();
        Path caFile = config.apply(PREFIX + name + ".ca-file").filter(f -> !f.isBlank()).map(Path::of).orElse(null);
        if (!fingerprints.isEmpty() && caFile != null) {
            throw new SourceException(PREFIX + name + ": give a fingerprint or a ca-file, not both");
        }
        return new PveEndpoint(id, name, uris, required(config, name, "token-id"), required(config, name, "token-secret"),
                fingerprints, caFile);
    }

    /** {@code 10.0.0.11}, {@code pve1.example:8443}, {@code [fd00::11]}, {@code https://...}; {@code http://} only as written. */
    static URI host(String endpoint, String host) {
        String text = host.strip();
        String withScheme = text.contains("://") ? text : "https://" + text;
        URI uri;
        try {
            uri = URI.create(withScheme);
        } catch (IllegalArgumentException e) {
            throw new SourceException(PREFIX + endpoint + ".hosts: not an address: " + host);
        }
        if (uri.getHost() == null || !(uri.getScheme().equals("https") || uri.getScheme().equals("http"))) {
            throw new SourceException(PREFIX + endpoint + ".hosts: not an https address: " + host);
        }
        int port = uri.getPort() < 0 ? DEFAULT_PORT : uri.getPort();
        return URI.create(uri.getScheme() + "://" + (uri.getHost().contains(":") && !uri.getHost().startsWith("[")
                ? "[" + uri.getHost() + "]" : uri.getHost()) + ":" + port);
    }

    /** {@code AB:CD:...} as Proxmox prints it, or bare hex. */
    static String fingerprint(String endpoint, String text) {
        String hex = text.replace(":", "").strip().toUpperCase(Locale.ROOT);
        if (!SHA256_HEX.matcher(hex).matches()) {
            throw new SourceException(PREFIX + endpoint + ".fingerprint: not a SHA-256 fingerprint (64 hex digits, colons allowed): " + text);
        }
        return hex;
    }

    private static long id(Function<String, Optional<String>> config, String name) {
        Optional<String> id = config.apply(PREFIX + name + ".id");
        if (id.isPresent()) {
            try {
                long value = Long.parseLong(id.get().strip());
                if (value > 0) {
                    return value;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new SourceException(PREFIX + name + ".id: not a positive number: " + id.get());
        }
        return derivedId(name);
    }

    /** The first 31 bits of the name's SHA-256, never 0: stable, and unlike a position not moved by other endpoints. */
    static long derivedId(String name) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            long id = ((digest[0] & 0x7fL) << 24) | ((digest[1] & 0xffL) << 16) | ((digest[2] & 0xffL) << 8) | (digest[3] & 0xffL);
            return id == 0 ? 1 : id;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<PveEndpoint> unique(List<PveEndpoint> endpoints) {
        Map<Long, String> byId = new HashMap<>();
        for (PveEndpoint e : endpoints) {
            String other = byId.putIfAbsent(e.id(), e.name());
            if (other != null) {
                throw new SourceException("Proxmox endpoints " + other + " and " + e.name() + " have the same id " + e.id()
                        + ": give one of them " + PREFIX + e.name() + ".id");
            }
        }
        return endpoints;
    }

    private static String required(Function<String, Optional<String>> config, String name, String key) {
        return config.apply(PREFIX + name + "." + key).filter(v -> !v.isBlank())
                .orElseThrow(() -> new SourceException("Proxmox endpoint " + name + " needs " + PREFIX + name + "." + key));
    }

    private static List<String> list(String text) {
        return Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
