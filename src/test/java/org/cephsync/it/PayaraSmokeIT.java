package org.cephsync.it;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.MediaType;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A cheap, honest check of the Arquillian/Payara Micro set-up (src/test/resources/arquillian.xml): the server
 * starts, deploys a JAX-RS resource, answers on 127.0.0.1, is NOT reachable on this machine's other addresses
 * (neither its HTTP listener nor the H2 server behind its default datasource),
 * and keeps its instance root under the build directory (next to payara-micro.jar), not in a temp dir, with no
 * application left over from earlier runs (see {@link PayaraStaleDeploymentsExtension}).
 */
@ExtendWith(ArquillianExtension.class)
class PayaraSmokeIT {

    private static final Logger LOG = Logger.getLogger(PayaraSmokeIT.class.getName());

    @Deployment(testable = false)
    static WebArchive deployment() {
        // the outer class too: Jersey asks the nested classes for their declaring class (Class.isMemberClass)
        return ShrinkWrap.create(WebArchive.class, "payara-smoke.war")
                .addClasses(PayaraSmokeIT.class, SmokeApplication.class, SmokeResource.class);
    }

    @ArquillianResource
    private URL base;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void answersOnLoopback() throws Exception {
        assertNotNull(base, "no @ArquillianResource URL: did the deployment start?");
        LOG.info(() -> "deployment URL: " + base);
        assertTrue(InetAddress.getByName(base.getHost()).isLoopbackAddress(),
                "Arquillian's URL must be a loopback address (Payara reported host " + base.getHost() + ")");
        // the URL is the server root instead when Payara deployed more than one application (stale ones)
        assertEquals("/payara-smoke/", base.getPath());

        URI onIpv4Loopback = new URI("http", null, "127.0.0.1", base.getPort(), base.getPath() + "api/smoke", null, null);
        JsonObject body = getJson(onIpv4Loopback);
        assertEquals("up", body.getString("status"));
    }

    @Test
    void httpListenerIsNotReachableOnNonLoopbackAddresses() throws Exception {
        assertNotReachableOutsideLoopback(base.getPort(), "its HTTP listener");
        // with no other address, the loopback check in answersOnLoopback is the whole proof
        assertEquals(200, http.send(HttpRequest.newBuilder(new URI("http", null, "127.0.0.1", base.getPort(),
                base.getPath() + "api/smoke", null, null)).build(), HttpResponse.BodyHandlers.discarding()).statusCode());
    }

    /**
     * Payara's own default datasource (jdbc/__default) opens its H2 file with AUTO_SERVER=TRUE, which starts an H2
     * TCP server (full SQL, no password) on every interface and names it in a lock file beside the database; the
     * preboot file opens the file without. The URL is the one the live datasource reports.
     */
    @Test
    void embeddedH2RunsNoTcpServer() throws Exception {
        String url = getJson(URI.create(base + "api/smoke/db")).getString("databaseUrl");
        String configured = System.getenv("CEPH_SYNC_DATABASE_URL");
        if (configured != null) {
            // the postgresql profile: postgresql.asadmin has moved jdbc/__default to the configured database
            assertEquals(configured, url);
            return;
        }
        assertTrue(url.startsWith("jdbc:h2:"), url);
        assertFalse(url.toUpperCase(Locale.ROOT).contains("AUTO_SERVER"), url);
        java.nio.file.Path lockFile = java.nio.file.Path.of(url.substring("jdbc:h2:".length()) + ".lock.db");
        if (Files.isRegularFile(lockFile)) {
            Properties lock = new Properties();
            try (Reader in = Files.newBufferedReader(lockFile)) {
                lock.load(in);
            }
            assertNull(lock.getProperty("server"), () -> "H2 runs a TCP server: " + lock);
        }
    }

    private static void assertNotReachableOutsideLoopback(int port, String what) throws SocketException {
        List<InetAddress> external = nonLoopbackAddresses();
        LOG.info(() -> "non-loopback addresses checked for port " + port + ": " + external);
        for (InetAddress address : external) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(address, port), 2000);
                fail("Payara Micro answers on " + address.getHostAddress() + ":" + port + ": " + what
                        + " is not bound to 127.0.0.1 only");
            } catch (IOException expected) {
                // refused (or filtered): not reachable from outside, as wanted
            }
        }
    }

    @Test
    void instanceRootIsUnderTheBuildDirectoryAndHoldsOnlyThisDeployment() throws Exception {
        String microJar = System.getProperty("payara.microJar");
        assumeTrue(microJar != null, "Payara only: system property payara.microJar is set by the payara profile");
        java.nio.file.Path buildDir = java.nio.file.Path.of(microJar).toAbsolutePath().getParent().toRealPath();

        String instanceRoot = getJson(URI.create(base + "api/smoke")).getString("instanceRoot");
        assertFalse(instanceRoot.isEmpty(), "Payara did not report com.sun.aas.instanceRoot");
        java.nio.file.Path root = java.nio.file.Path.of(instanceRoot).toRealPath();
        LOG.info(() -> "Payara Micro instance root: " + root);
        assertEquals(buildDir, root.getParent(), "the rootdir must sit in the build dir, next to payara-micro.jar");

        // PayaraStaleDeploymentsExtension removed what earlier test classes and runs deployed there
        java.nio.file.Path domainXml = root.resolve("config/domain.xml");
        assertTrue(Files.isRegularFile(domainXml), "no domain.xml under " + root);
        Matcher apps = Pattern.compile("<application [^>]*object-type=\"user\"[^>]*>").matcher(Files.readString(domainXml));
        List<String> names = new ArrayList<>();
        while (apps.find()) {
            Matcher name = Pattern.compile(" name=\"([^\"]*)\"").matcher(apps.group());
            names.add(name.find() ? name.group(1) : apps.group());
        }
        assertEquals(List.of("payara-smoke"), names, "user applications deployed in " + domainXml);
    }

    private JsonObject getJson(URI uri) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), uri + " answered " + r.body());
        try (JsonReader reader = Json.createReader(new StringReader(r.body()))) {
            return reader.readObject();
        }
    }

    private static List<InetAddress> nonLoopbackAddresses() throws SocketException {
        List<InetAddress> found = new ArrayList<>();
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!nic.isUp() || nic.isLoopback()) {
                continue;
            }
            for (InetAddress a : Collections.list(nic.getInetAddresses())) {
                // link-local IPv6 needs a scope and says nothing more than the global addresses do
                if (!a.isLoopbackAddress() && !(a instanceof Inet6Address && a.isLinkLocalAddress())) {
                    found.add(a);
                }
            }
        }
        return found;
    }

    // ------------------------------------------------------------------- the deployment's only classes

    @ApplicationPath("api")
    public static class SmokeApplication extends Application {
    }

    @Path("smoke")
    @RequestScoped
    public static class SmokeResource {
        @Resource(lookup = "jdbc/__default")
        private DataSource defaultDataSource;

        @GET
        @Produces(MediaType.APPLICATION_JSON)
        public JsonObject smoke() {
            String instanceRoot = System.getProperty("com.sun.aas.instanceRoot", "");
            return Json.createObjectBuilder().add("status", "up").add("instanceRoot", instanceRoot).build();
        }

        @GET
        @Path("db")
        @Produces(MediaType.APPLICATION_JSON)
        public JsonObject db() throws SQLException {
            try (Connection c = defaultDataSource.getConnection()) {
                return Json.createObjectBuilder().add("databaseUrl", c.getMetaData().getURL()).build();
            }
        }
    }
}
