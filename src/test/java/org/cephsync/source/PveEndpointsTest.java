package org.cephsync.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PveEndpointsTest {

    private static final String PIN = "AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89";

    @Test
    void endpointsFromTheDocumentedKeys() {
        Map<String, String> config = config("pve-a,pve-b");
        config.put("ceph-sync.proxmox.pve-a.hosts", "10.0.0.11, pve2.example:8443,[fd00::13]");
        config.put("ceph-sync.proxmox.pve-a.fingerprint", PIN.toLowerCase());
        config.put("ceph-sync.proxmox.pve-b.hosts", "http://127.0.0.1:18006");
        config.put("ceph-sync.proxmox.pve-b.id", "7");

        List<PveEndpoint> endpoints = PveEndpoints.fromConfig(key -> Optional.ofNullable(config.get(key)));

        PveEndpoint a = endpoints.get(0);
        assertEquals(List.of(URI.create("https://10.0.0.11:8006"), URI.create("https://pve2.example:8443"),
                URI.create("https://[fd00::13]:8006")), a.hosts(), "https and port 8006 unless written");
        assertEquals(List.of(PIN.replace(":", "")), a.fingerprints());
        assertEquals("PVEAPIToken=ceph-sync@pve!sync=s3cr3t-pve-a", a.authorization());
        assertEquals(PveEndpoints.derivedId("pve-a"), a.id());
        assertEquals(List.of(URI.create("http://127.0.0.1:18006")), endpoints.get(1).hosts(), "http only as written");
        assertEquals(7, endpoints.get(1).id());
        assertFalse(a.toString().contains("s3cr3t"), a.toString());
    }

    @Test
    void aDerivedIdDependsOnTheNameAloneNotOnTheOtherEndpoints() {
        Map<String, String> one = config("pve-a");
        one.put("ceph-sync.proxmox.pve-a.hosts", "10.0.0.11");
        Map<String, String> two = config("pve-z,pve-a");
        two.put("ceph-sync.proxmox.pve-a.hosts", "10.0.0.12");
        two.put("ceph-sync.proxmox.pve-z.hosts", "10.0.0.13");

        long alone = PveEndpoints.fromConfig(key -> Optional.ofNullable(one.get(key))).get(0).id();
        long withAnother = PveEndpoints.fromConfig(key -> Optional.ofNullable(two.get(key))).get(1).id();

        assertEquals(alone, withAnother);
        assertTrue(alone > 0 && alone <= Integer.MAX_VALUE, "an id NetBox-style clients read as an integer: " + alone);
        assertTrue(PveEndpoints.derivedId("pve-a") != PveEndpoints.derivedId("pve-b"));
    }

    @Test
    void misconfigurationIsAReadableError() {
        Map<String, String> config = config("pve-a");
        assertError(config, "needs ceph-sync.proxmox.pve-a.hosts");
        config.put("ceph-sync.proxmox.pve-a.hosts", "ftp://10.0.0.11");
        assertError(config, "not an https address");
        config.put("ceph-sync.proxmox.pve-a.hosts", "10.0.0.11");
        config.put("ceph-sync.proxmox.pve-a.fingerprint", "AB:CD");
        assertError(config, "not a SHA-256 fingerprint");
        config.put("ceph-sync.proxmox.pve-a.fingerprint", PIN);
        config.put("ceph-sync.proxmox.pve-a.ca-file", "/etc/pve/pve-root-ca.pem");
        assertError(config, "a fingerprint or a ca-file, not both");
        config.remove("ceph-sync.proxmox.pve-a.ca-file");
        config.remove("ceph-sync.proxmox.pve-a.token-secret");
        assertError(config, "needs ceph-sync.proxmox.pve-a.token-secret");

        Map<String, String> twins = config("pve-a,pve-b");
        twins.put("ceph-sync.proxmox.pve-a.hosts", "10.0.0.11");
        twins.put("ceph-sync.proxmox.pve-b.hosts", "10.0.0.12");
        twins.put("ceph-sync.proxmox.pve-b.id", String.valueOf(PveEndpoints.derivedId("pve-a")));
        assertError(twins, "have the same id");
        assertError(new HashMap<>(), "needs ceph-sync.proxmox.endpoints");
    }

    @Test
    void anEndpointListedByNetBoxTakesItsAddressFromNetBoxAndItsTokenFromConfiguration() {
        Map<String, String> config = config("unused");
        PveEndpoint endpoint = PveEndpoints.forListed(key -> Optional.ofNullable(config.get(key)),
                new EndpointInfo(12, "pve-a", null, "10.0.0.11", 8006));

        assertEquals(12, endpoint.id(), "NetBox's id");
        assertEquals(List.of(URI.create("https://10.0.0.11:8006")), endpoint.hosts());
        assertEquals("PVEAPIToken=ceph-sync@pve!sync=s3cr3t-pve-a", endpoint.authorization());
    }

    private static void assertError(Map<String, String> config, String reason) {
        SourceException error = assertThrows(SourceException.class, () -> PveEndpoints.fromConfig(key -> Optional.ofNullable(config.get(key))));
        assertTrue(error.getMessage().contains(reason), error.getMessage());
    }

    private static Map<String, String> config(String names) {
        Map<String, String> config = new HashMap<>();
        config.put("ceph-sync.proxmox.endpoints", names);
        for (String name : List.of("pve-a", "pve-b", "pve-z")) {
            config.put("ceph-sync.proxmox." + name + ".token-id", "ceph-sync@pve!sync");
            config.put("ceph-sync.proxmox." + name + ".token-secret", "s3cr3t-" + name);
        }
        return config;
    }
}
