package org.cephsync.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A real NetBox client against the running server: Debian's pynetbox 7.0 (python3-pynetbox, which .ci/run
 * installs) provisions a token with a user name and password and then lists, pages (also with
 * threading=True), filters, gets, counts and reads brief rows of all eight models, branches, changes and its
 * tokens, and has its writes refused (src/test/python/netbox_client_check.py).
 */
@ExtendWith(ArquillianExtension.class)
class PynetboxIT {

    private static final Logger LOG = Logger.getLogger(PynetboxIT.class.getName());
    private static final long ENDPOINT = System.currentTimeMillis() / 1000 % 100_000_000L * 10 + 8;
    /** Debian's interpreter, which has python3-pynetbox (a python3 earlier on the PATH may not). */
    private static final String PYTHON = Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";

    private static ProxboxStandIn proxbox;

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive deployment() throws IOException {
        SnapshotDir snapshot = new SnapshotDir(Files.createTempDirectory("ceph-sync-pynetbox"))
                .put(ENDPOINT, "pynetbox-" + ENDPOINT, "pve8-reef-18.2.7", "degraded");
        proxbox = new ProxboxStandIn(snapshot.root(), TestDeployment.API_KEY).start();
        return TestDeployment.war(proxbox);
    }

    @AfterAll
    static void stopStandIn() {
        if (proxbox != null) {
            proxbox.close();
        }
    }

    @Test
    void pynetboxReadsEveryModelBranchesAndChangesWithAProvisionedToken() throws Exception {
        AdminClient api = new AdminClient(base.toURI());
        api.settings("{\"branching_enabled\": true}");
        JsonObject job;
        try {
            job = api.sync("{\"endpoints\":[" + ENDPOINT + "]}");
        } finally {
            api.settings("{\"branching_enabled\": false}");
        }
        assertEquals("COMPLETED", job.getString("status"), job::toString);
        long branch = job.getJsonObject("branch").getJsonNumber("id").longValue();

        String root = base.toString().replaceAll("/+$", "");
        Path log = Files.createTempFile("pynetbox", ".log");
        Process client = new ProcessBuilder(List.of(PYTHON, Path.of("src/test/python/netbox_client_check.py").toAbsolutePath().toString(),
                root, TestUsers.ADMIN.name(), TestUsers.ADMIN.password(), String.valueOf(ENDPOINT), String.valueOf(branch)))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean ended = client.waitFor(5, TimeUnit.MINUTES);
        client.destroyForcibly();
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertTrue(ended, () -> "pynetbox did not finish within 5 minutes:\n" + output);
        LOG.info(() -> "pynetbox said:\n" + output);
        assertEquals(0, client.exitValue(), output);
        assertTrue(output.contains("all checks passed"), output);
    }
}
