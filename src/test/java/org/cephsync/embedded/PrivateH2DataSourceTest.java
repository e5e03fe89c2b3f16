package org.cephsync.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.XAConnection;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

// public: H2 calls its counting function by reflection
public class PrivateH2DataSourceTest {

    @TempDir
    Path dataFolder;

    @Test
    void aNewDatabaseGetsAGeneratedPasswordKeptOwnerOnly() throws Exception {
        Path databases = dataFolder.resolve("lib/databases");
        PrivateH2DataSource pool = privatePool(databases.resolve("embedded_default"), "", "");
        try (Connection connection = pool.getConnection()) {
            execute(connection, "CREATE TABLE inventory(name VARCHAR(20))");
        }

        Path kept = databases.resolve("embedded_default.password");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(kept)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(databases)));
        String password = Files.readString(kept);
        assertTrue(password.length() >= 32, "a generated password of 24 random bytes: " + password.length());
        assertRefused(databases.resolve("embedded_default"), "", "");
        assertEquals(0, count(plainPool(databases.resolve("embedded_default"), "", password), "inventory"));
    }

    @Test
    void aDatabaseOfAnEarlierReleaseKeepsItsRowsAndLosesItsEmptyPassword() throws Exception {
        Path database = dataFolder.resolve("embedded_default");
        try (Connection earlier = plainPool(database, "", "").getConnection()) {
            execute(earlier, "CREATE TABLE inventory(name VARCHAR(20))");
            execute(earlier, "INSERT INTO inventory VALUES ('osd.0'), ('osd.1')");
        }

        assertEquals(2, count(privatePool(database, "", ""), "inventory"));

        assertRefused(database, "", "");
        assertEquals(2, count(privatePool(database, "", ""), "inventory"), "the next start reads the kept password");
    }

    @Test
    void libertysConfiguredCredentialsAreReplacedByTheGeneratedPassword() throws Exception {
        Path database = dataFolder.resolve("databases/ceph-sync");
        try (Connection earlier = plainPool(database, "ceph-sync", "ceph-sync").getConnection()) {
            execute(earlier, "CREATE TABLE inventory(name VARCHAR(20))");
        }

        PrivateH2DataSource pool = privatePool(database, "ceph-sync", "ceph-sync");
        XAConnection xa = pool.getXAConnection();
        try (Connection connection = xa.getConnection()) {
            execute(connection, "INSERT INTO inventory VALUES ('pool.rbd')");
        } finally {
            xa.close();
        }
        try (Connection connection = pool.getConnection("ceph-sync", "ceph-sync")) {
            assertTrue(connection.isValid(1), "the configured password given by the server is not the one used");
        }

        assertRefused(database, "ceph-sync", "ceph-sync");
        assertEquals(1, count(plainPool(database, "ceph-sync",
                Files.readString(dataFolder.resolve("databases/ceph-sync.password"))), "inventory"));
    }

    @Test
    void aDatabaseThatOpensWithNeitherPasswordFailsReadably() throws Exception {
        Path database = dataFolder.resolve("embedded_default");
        try (Connection earlier = plainPool(database, "", "someone else's").getConnection()) {
            execute(earlier, "CREATE TABLE inventory(name VARCHAR(20))");
            execute(earlier, "INSERT INTO inventory VALUES ('mon.a')");
        }

        SQLException refused = assertThrows(SQLException.class, () -> privatePool(database, "", "").getConnection());

        assertTrue(refused.getMessage().contains("opens neither with the password kept beside it nor with the"
                + " configured one"), refused.getMessage());
        assertEquals(1, count(plainPool(database, "", "someone else's"), "inventory"), "nothing was changed");
    }

    @Test
    void aCommitIsInTheFileWhenItReturnsSoThatAKilledServerKeepsIt() throws Exception {
        Path database = dataFolder.resolve("embedded_default");
        PrivateH2DataSource pool = privatePool(database, "", "");
        Path crashCopy = dataFolder.resolve("copy");
        Files.createDirectories(crashCopy);
        try (Connection open = pool.getConnection()) {
            execute(open, "CREATE TABLE inventory(name VARCHAR(20))");
            for (int run = 0; run < 20; run++) {
                try (Connection connection = pool.getConnection()) {
                    execute(connection, "INSERT INTO inventory VALUES ('osd." + run + "')");
                }
                // the file as a SIGKILL right after the commit leaves it: the database still open, nothing closed
                Path copy = crashCopy.resolve("run" + run);
                Files.copy(Path.of(database + ".mv.db"), Path.of(copy + ".mv.db"));
                assertEquals(run + 1, count(plainPool(copy, "", Files.readString(dataFolder.resolve("embedded_default.password"))),
                        "inventory"), "rows in the file right after commit " + run);
            }
        }
        assertTrue(PrivateH2DataSource.embeddedUrl("jdbc:h2:/data/db;write_delay=100").contains("write_delay=100;"),
                "a WRITE_DELAY of the URL is kept");
    }

    private static final AtomicInteger EVALUATIONS = new AtomicInteger();

    /** A deterministic SQL function that counts its calls: H2 may answer a query using it from a previous result. */
    public static int evaluated(int value) {
        EVALUATIONS.incrementAndGet();
        return value;
    }

    /**
     * H2 2.2.224 can answer a query from its previous result after another connection's commit (h2database
     * issue 3894): the pool's connections evaluate a query every time it runs.
     */
    @Test
    void aQueryRunAgainIsEvaluatedAgainNotAnsweredFromItsPreviousResult() throws Exception {
        PrivateH2DataSource pool = privatePool(dataFolder.resolve("embedded_default"), "", "");
        try (Connection connection = pool.getConnection()) {
            execute(connection, "CREATE ALIAS EVALUATED DETERMINISTIC FOR \"" + getClass().getName() + ".evaluated\"");
            execute(connection, "CREATE TABLE inventory(name VARCHAR(20))");
            execute(connection, "INSERT INTO inventory VALUES ('osd.0')");
            try (PreparedStatement query = connection.prepareStatement("SELECT EVALUATED(LENGTH(name)) FROM inventory")) {
                int before = EVALUATIONS.get();
                for (int run = 0; run < 3; run++) {
                    try (ResultSet rows = query.executeQuery()) {
                        assertTrue(rows.next());
                    }
                }
                assertEquals(3, EVALUATIONS.get() - before, "three runs of the query, three evaluations");
            }
        }
        assertTrue(!PrivateH2DataSource.embeddedUrl("jdbc:h2:/data/db;optimize_reuse_results=true").toUpperCase().contains("OPTIMIZE_REUSE_RESULTS=FALSE"),
                "an OPTIMIZE_REUSE_RESULTS of the URL is kept");
    }

    @Test
    void onlyAPlainEmbeddedFileDatabaseIsAccepted() {
        for (String url : new String[] {"jdbc:h2:mem:inventory", "jdbc:h2:tcp://127.0.0.1/inventory",
                "jdbc:h2:" + dataFolder.resolve("shared") + ";AUTO_SERVER=TRUE"}) {
            PrivateH2DataSource pool = new PrivateH2DataSource();
            pool.setURL(url);
            SQLException refused = assertThrows(SQLException.class, pool::getConnection, url);
            assertTrue(refused.getMessage().contains("H2"), refused.getMessage());
        }
    }

    private static PrivateH2DataSource privatePool(Path database, String user, String configuredPassword) {
        PrivateH2DataSource pool = new PrivateH2DataSource();
        pool.setURL("jdbc:h2:" + database);
        pool.setUser(user);
        pool.setPassword(configuredPassword);
        return pool;
    }

    private static JdbcDataSource plainPool(Path database, String user, String password) {
        JdbcDataSource pool = new JdbcDataSource();
        pool.setURL("jdbc:h2:" + database + ";IFEXISTS=" + (Files.exists(Path.of(database + ".mv.db")) ? "TRUE" : "FALSE"));
        pool.setUser(user);
        pool.setPassword(password);
        return pool;
    }

    private static void assertRefused(Path database, String user, String password) {
        SQLException refused = assertThrows(SQLException.class, () -> plainPool(database, user, password).getConnection());
        assertEquals(28000, refused.getErrorCode(), refused.getMessage());
    }

    private static int count(javax.sql.DataSource pool, String table) throws SQLException {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
