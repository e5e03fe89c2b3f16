package org.cephsync.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The embedded default is private (README, Databases): the server opens its H2 file with a password generated
 * on first start and kept beside it, owner-only, and says so without showing it. The refusal of the old
 * passwords is PrivateH2DataSourceTest's: while the server runs, its file lock answers before the password.
 * Not run on PostgreSQL (profile postgresql), which has no embedded database.
 */
@ExtendWith(ArquillianExtension.class)
class EmbeddedDatabaseIT {

    private static ProxboxStandIn proxbox;

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive deployment() throws IOException {
        ServerLog.capture();
        SnapshotDir snapshot = new SnapshotDir(Files.createTempDirectory("ceph-sync-embedded"))
                .put(System.currentTimeMillis() / 1000 % 100_000_000L * 10 + 9, "embedded", "pve8-reef-18.2.7", "healthy");
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
    void theServerOpensItsDatabaseWithAGeneratedPasswordKeptOwnerOnly() throws Exception {
        AdminClient.Answer status = new AdminClient(base.toURI()).call("GET", "api/status/", null);
        assertEquals(200, status.status(), () -> status.body().toString());
        assertEquals("H2", status.json().getString("database"), "the application's tables are in the embedded database");

        Path database = Path.of(System.getProperty("ceph-sync.it.embedded-database"));
        Path password = Path.of(database + ".password");
        assertTrue(Files.isRegularFile(Path.of(database + ".mv.db")), "no database at " + database);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(password)), password.toString());
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(database.getParent())),
                database.getParent().toString());
        String secret = Files.readString(password).strip();
        assertTrue(secret.length() >= 32, "a password of 24 random bytes");
        assertFalse(ServerLog.text().contains(secret), "the server logged the database password");
    }
}
