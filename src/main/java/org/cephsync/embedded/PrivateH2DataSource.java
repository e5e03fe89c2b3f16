package org.cephsync.embedded;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Base64;
import java.util.Set;
import java.util.logging.Logger;
import javax.sql.ConnectionPoolDataSource;
import javax.sql.DataSource;
import javax.sql.PooledConnection;
import javax.sql.XAConnection;
import javax.sql.XADataSource;
import org.h2.jdbcx.JdbcDataSource;

/**
 * The embedded H2 database with a password of its own: the server's pool names this class instead of H2's
 * {@link JdbcDataSource} (Payara's {@code H2Pool}, Liberty's {@code DefaultDataSource}), and on first use it
 * generates a password, keeps it next to the database file ({@code <database>.password}, mode 600, in a folder
 * of mode 700) and opens the database with it. A database made before, with the password the pool is
 * configured with (Payara's empty one, Liberty's {@code ceph-sync.db.password}), is given the generated
 * password on that first use, rows intact. A commit is in the file when it returns, and no query answers from a stale cache
 * ({@link #embeddedUrl}).
 *
 * <p>It lives on the server's class path, not in the WAR: the pool loads it before any application exists.
 */
public class PrivateH2DataSource implements DataSource, XADataSource, ConnectionPoolDataSource {

    private static final Logger LOG = Logger.getLogger(PrivateH2DataSource.class.getName());
    /** H2's ErrorCode.WRONG_USER_OR_PASSWORD. */
    private static final int WRONG_USER_OR_PASSWORD = 28000;
    private static final Set<PosixFilePermission> OWNER_ONLY_FOLDER = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");

    private final JdbcDataSource h2 = new JdbcDataSource();
    private String url;
    private String user = "";
    private String configuredPassword = "";
    private String password;

    public String getURL() {
        return url;
    }

    public void setURL(String url) {
        this.url = url;
    }

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public String getUser() {
        return user;
    }

    public void setUser(String user) {
        this.user = user == null ? "" : user;
    }

    /** The password the database had before it was made private; the generated one replaces it. */
    public void setPassword(String password) {
        this.configuredPassword = password == null ? "" : password;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return ready().getConnection();
    }

    @Override
    public Connection getConnection(String username, String ignoredPassword) throws SQLException {
        return ready().getConnection(username, password);
    }

    @Override
    public XAConnection getXAConnection() throws SQLException {
        return ready().getXAConnection();
    }

    @Override
    public XAConnection getXAConnection(String username, String ignoredPassword) throws SQLException {
        return ready().getXAConnection(username, password);
    }

    @Override
    public PooledConnection getPooledConnection() throws SQLException {
        return ready().getPooledConnection();
    }

    @Override
    public PooledConnection getPooledConnection(String username, String ignoredPassword) throws SQLException {
        return ready().getPooledConnection(username, password);
    }

    private synchronized JdbcDataSource ready() throws SQLException {
        if (password == null) {
            Path database = databaseFile(url);
            password = keptPassword(database);
            h2.setURL(embeddedUrl(url));
            h2.setUser(user);
            h2.setPassword(password);
            giveDatabaseThePassword(database);
        }
        return h2;
    }

    /**
     * The URL with two settings, unless it sets them itself.
     * <ul>
     * <li>{@code WRITE_DELAY=0}: H2 keeps commits in memory for up to WRITE_DELAY (500 ms) and, in the idle time
     * after, compacts its file in the background; a process killed then can reopen an older version than its
     * last commits (a run's execution row lost after a SIGKILL, with the H2 2.2.224 Payara bundles). With 0 a
     * transaction is in the file when its commit returns and no background writer runs.</li>
     * <li>{@code OPTIMIZE_REUSE_RESULTS=FALSE}: H2 2.2.224 (Payara's) can answer a query run again with its
     * previous result after another connection committed a change, when a concurrent query on the table races
     * the commit (h2database issue 3894, fixed by its pull request 4095): a run's row, just committed, was not
     * found by the same thread's next transaction (once in CI).</li>
     * </ul>
     */
    static String embeddedUrl(String url) {
        String upper = url.toUpperCase();
        String withDelay = upper.contains(";WRITE_DELAY=") ? url : url + ";WRITE_DELAY=0";
        return upper.contains(";OPTIMIZE_REUSE_RESULTS=") ? withDelay : withDelay + ";OPTIMIZE_REUSE_RESULTS=FALSE";
    }

    /** The file name H2 opens for {@code jdbc:h2:<path>[;settings]}; only a plain file database can be private. */
    static Path databaseFile(String url) throws SQLException {
        String prefix = "jdbc:h2:";
        if (url == null || !url.startsWith(prefix)) {
            throw new SQLException("not an H2 URL: " + url);
        }
        String path = url.substring(prefix.length()).split(";", 2)[0];
        if (path.startsWith("file:")) {
            path = path.substring("file:".length());
        }
        if (path.startsWith("mem:") || path.startsWith("tcp:") || path.startsWith("ssl:")) {
            throw new SQLException("only an embedded H2 file database has a generated password, not " + path);
        }
        if (path.startsWith("~")) {
            path = System.getProperty("user.home") + path.substring(1);
        }
        if (url.toUpperCase().contains("AUTO_SERVER=TRUE")) {
            throw new SQLException("AUTO_SERVER=TRUE would open an H2 TCP server for " + path + ": not here");
        }
        return Path.of(path).toAbsolutePath();
    }

    private static String keptPassword(Path database) throws SQLException {
        Path folder = database.getParent();
        Path file = folder.resolve(database.getFileName() + ".password");
        try {
            Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(OWNER_ONLY_FOLDER));
            Files.setPosixFilePermissions(folder, OWNER_ONLY_FOLDER);
            if (!Files.exists(file)) {
                byte[] secret = new byte[24];
                new SecureRandom().nextBytes(secret);
                Path draft = Files.createTempFile(folder, ".password", ".new",
                        PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE));
                Files.writeString(draft, Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
                try {
                    Files.move(draft, file);
                    LOG.info(() -> "generated the embedded database's password, kept in " + file);
                } catch (FileAlreadyExistsException otherServerFirst) {
                    Files.delete(draft);
                }
            }
            Files.setPosixFilePermissions(file, OWNER_ONLY_FILE);
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException | UncheckedIOException | UnsupportedOperationException e) {
            throw new SQLException("cannot keep the embedded database's password in " + file + ": " + e, e);
        }
    }

    /** A database made with the configured password gets the generated one; a new or private one is left as is. */
    private void giveDatabaseThePassword(Path database) throws SQLException {
        try (Connection ignored = h2.getConnection()) {
            return;
        } catch (SQLException e) {
            if (e.getErrorCode() != WRONG_USER_OR_PASSWORD) {
                throw e;
            }
        }
        JdbcDataSource before = new JdbcDataSource();
        before.setURL(url);
        before.setUser(user);
        before.setPassword(configuredPassword);
        try (Connection connection = before.getConnection();
             PreparedStatement alter = connection.prepareStatement(
                     "ALTER USER " + quoted(connection.getMetaData().getUserName()) + " SET PASSWORD ?")) {
            alter.setString(1, password);
            alter.execute();
        } catch (SQLException e) {
            throw new SQLException("the embedded database " + database + " opens neither with the password kept"
                    + " beside it nor with the configured one", e.getSQLState(), e);
        }
        LOG.info(() -> "the embedded database " + database + " now has the generated password");
    }

    private static String quoted(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    @Override
    public PrintWriter getLogWriter() {
        return h2.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        h2.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) {
        h2.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() {
        return h2.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return Logger.getLogger("org.h2");
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new SQLException("not a wrapper for " + type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }
}
