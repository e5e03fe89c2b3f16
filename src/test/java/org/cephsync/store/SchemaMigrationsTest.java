package org.cephsync.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.api.output.MigrateResult;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/**
 * The schema migrations on the embedded database, as the application runs them at startup: a new database,
 * one that already holds the job repository's tables, and one made by the last release before migrations
 * (its schema kept as {@code db/previous-release/h2.sql}) whose rows must survive.
 */
class SchemaMigrationsTest {

    @Test
    void aNewDatabaseGetsEveryTable() throws SQLException {
        DataSource database = newDatabase();
        MigrateResult result = SchemaMigrations.migrate(database, getClass().getClassLoader());

        assertTrue(result.success);
        assertEquals(latestVersion(), result.targetSchemaVersion);
        // everything the release before migrations had, as it had it (later versions only add to it)
        Map<String, String> columns = columns(database);
        columnsOfPreviousRelease().forEach((column, definition) -> assertEquals(definition, columns.get(column), column));
        assertTrue(columns.containsKey("SCHEDULE_CLAIM.CLAIMED_AT") && columns.containsKey("SYNC_RUN.SERVER_NAME"), "and V3's");
        assertTrue(columns.containsKey("API_TOKEN.DIGEST") && columns.containsKey("API_TOKEN.WRITE_ENABLED"), "and V4's");
    }

    @Test
    void theJobRepositoryInTheSameSchemaIsLeftAlone() throws SQLException {
        DataSource database = newDatabase();
        execute(database, "CREATE TABLE JBATCHJOBINSTANCEDATA (JOBINSTANCEID BIGINT PRIMARY KEY, NAME VARCHAR(512))",
                "INSERT INTO JBATCHJOBINSTANCEDATA VALUES (7, 'ceph-sync')");

        SchemaMigrations.migrate(database, getClass().getClassLoader());

        assertEquals(List.of("7 ceph-sync"), rows(database, "SELECT JOBINSTANCEID || ' ' || NAME FROM JBATCHJOBINSTANCEDATA"));
        assertTrue(columns(database).containsKey("SYNC_RUN.INSTANCE_ID"));
    }

    @Test
    void aDatabaseOfTheReleaseBeforeMigrationsKeepsItsRows() throws SQLException, IOException {
        DataSource database = newDatabase();
        execute(database, previousReleaseSchema());
        execute(database,
                "INSERT INTO PROXMOX_ENDPOINT (ID, NAME, IP_ADDRESS, PORT) VALUES (1, 'lab-reef', '10.0.0.1', 8006)",
                "INSERT INTO CEPH_OSD (ID, ENDPOINT, NAME, OSD_ID, HOST, DEVICE_CLASS, STATUS, IS_UP, METADATA, CONTENT_HASH)"
                        + " VALUES (101, 1, 'osd.3', 3, 'pve1', 'ssd', 'up', TRUE, '{\"osd_objectstore\":\"bluestore\"}', 'abc')",
                "INSERT INTO SYNC_RUN (INSTANCE_ID, RESOURCES, CREATED) VALUES (5, 'full', TIMESTAMP '2026-11-30 10:00:00.123456')",
                "INSERT INTO CEPH_PLUGIN_SETTINGS (ID, BRANCH_NAME_PREFIX, BRANCH_ON_CONFLICT, BRANCHING_ENABLED, SYNC_INTERVAL_MINUTES)"
                        + " VALUES (1, 'ceph-sync', 'reject', FALSE, 15)");

        MigrateResult result = SchemaMigrations.migrate(database, getClass().getClassLoader());

        assertTrue(result.success);
        assertEquals(latestVersion(), result.targetSchemaVersion == null ? result.initialSchemaVersion : result.targetSchemaVersion);
        assertEquals(List.of("1|BASELINE|tables of the release before migrations"),
                rows(database, "SELECT \"version\" || '|' || \"type\" || '|' || \"description\" FROM \""
                        + SchemaMigrations.HISTORY_TABLE + "\" WHERE \"version\" = '1'"));
        assertEquals(List.of("osd.3 pve1 ssd up TRUE {\"osd_objectstore\":\"bluestore\"} abc"),
                rows(database, "SELECT NAME || ' ' || HOST || ' ' || DEVICE_CLASS || ' ' || STATUS || ' ' || IS_UP || ' '"
                        + " || METADATA || ' ' || CONTENT_HASH FROM CEPH_OSD WHERE ID = 101"));
        assertEquals(List.of("5 full 2026-11-30 10:00:00.123456"),
                rows(database, "SELECT INSTANCE_ID || ' ' || RESOURCES || ' ' || CREATED FROM SYNC_RUN"));
        assertEquals(List.of("15"), rows(database, "SELECT SYNC_INTERVAL_MINUTES FROM CEPH_PLUGIN_SETTINGS"));

        // an upgraded database has the schema of a new one: the next migration can rely on it
        DataSource fresh = newDatabase();
        SchemaMigrations.migrate(fresh, getClass().getClassLoader());
        assertEquals(columns(fresh), columns(database));
    }

    /**
     * A database first made by a release before the pipeline-safety work and extended since: 4,000-character
     * error columns and the old one-row-per-item staging table. After the migration an error of any length
     * fits, the old table is gone, and the schema is a new database's.
     */
    @Test
    void aDatabaseOfAnOlderReleaseCatchesUp() throws SQLException, IOException {
        DataSource database = newDatabase();
        execute(database, previousReleaseSchema());
        execute(database,
                "ALTER TABLE SYNC_STAGE ALTER COLUMN ERROR SET DATA TYPE VARCHAR(4000)",
                "ALTER TABLE SYNC_RUN ALTER COLUMN ERROR SET DATA TYPE VARCHAR(4000)",
                "CREATE TABLE STAGED_ITEM (ID BIGINT PRIMARY KEY, INSTANCE_ID BIGINT NOT NULL, BODY VARBINARY(1000000))",
                "INSERT INTO SYNC_RUN (INSTANCE_ID, RESOURCES, ERROR) VALUES (3, 'full', 'osds: endpoint lab-reef: read timed out')");

        SchemaMigrations.migrate(database, getClass().getClassLoader());

        String longError = "x".repeat(20_000);
        execute(database, "UPDATE SYNC_RUN SET ERROR = '" + longError + "' WHERE INSTANCE_ID = 3",
                "INSERT INTO SYNC_STAGE (ID, INSTANCE_ID, POSITION, RESOURCE, STATUS, ERROR) VALUES (1, 3, 2, 'osds', 'error', '"
                        + longError + "')");
        assertEquals(List.of("20000"), rows(database, "SELECT LENGTH(ERROR) FROM SYNC_STAGE"));
        DataSource fresh = newDatabase();
        SchemaMigrations.migrate(fresh, getClass().getClassLoader());
        assertEquals(columns(fresh), columns(database));
    }

    @Test
    void migratingAgainChangesNothing() throws SQLException {
        DataSource database = newDatabase();
        SchemaMigrations.migrate(database, getClass().getClassLoader());
        execute(database, "INSERT INTO SYNC_RUN (INSTANCE_ID, RESOURCES) VALUES (9, 'osds')");

        MigrateResult again = SchemaMigrations.migrate(database, getClass().getClassLoader());

        assertEquals(0, again.migrationsExecuted);
        assertEquals(List.of("9"), rows(database, "SELECT INSTANCE_ID FROM SYNC_RUN"));
    }

    private static DataSource newDatabase() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        return dataSource;
    }

    /** The version of the newest script under db/migration/h2 (V<version>__<description>.sql). */
    private static String latestVersion() {
        try (var scripts = java.nio.file.Files.list(java.nio.file.Path.of(
                SchemaMigrationsTest.class.getResource("/db/migration/h2").toURI()))) {
            return scripts.map(p -> p.getFileName().toString()).filter(name -> name.matches("V\\d+__.*\\.sql"))
                    .map(name -> name.substring(1, name.indexOf("__")))
                    .max(java.util.Comparator.comparingInt(Integer::parseInt)).orElseThrow();
        } catch (IOException | java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String[] previousReleaseSchema() throws IOException {
        try (InputStream in = SchemaMigrationsTest.class.getResourceAsStream("/db/previous-release/h2.sql")) {
            String script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return script.lines().filter(line -> !line.startsWith("--")).reduce("", (a, b) -> a + "\n" + b).split(";\n");
        }
    }

    /** The columns of the previous release's tables, as a new database gets them: the same as its fixture's. */
    private Map<String, String> columnsOfPreviousRelease() throws SQLException {
        DataSource previous = newDatabase();
        try {
            execute(previous, previousReleaseSchema());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return columns(previous);
    }

    /**
     * Every column of the application's tables ("TABLE.COLUMN" → type, size, nullability) and every index
     * ("TABLE index COLUMNS" → unique or not), whatever the database named them.
     */
    private static Map<String, String> columns(DataSource dataSource) throws SQLException {
        Map<String, String> columns = new TreeMap<>();
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            try (ResultSet rs = meta.getColumns(null, "PUBLIC", "%", "%")) {
                while (rs.next()) {
                    String table = rs.getString("TABLE_NAME");
                    if (table.toLowerCase(Locale.ROOT).contains("schema_history") || table.startsWith("JBATCH")) {
                        continue;
                    }
                    columns.put(table + "." + rs.getString("COLUMN_NAME"),
                            rs.getString("TYPE_NAME") + "(" + rs.getInt("COLUMN_SIZE") + ") " + rs.getString("IS_NULLABLE"));
                    if (rs.getInt("ORDINAL_POSITION") == 1) {
                        indexes(meta, table).forEach((index, unique) -> columns.put(table + " index " + index, unique));
                    }
                }
            }
        }
        return columns;
    }

    private static Map<String, String> indexes(DatabaseMetaData meta, String table) throws SQLException {
        Map<String, List<String>> columnsByIndex = new TreeMap<>();
        Map<String, String> uniqueByIndex = new TreeMap<>();
        try (ResultSet rs = meta.getIndexInfo(null, "PUBLIC", table, false, false)) {
            while (rs.next()) {
                String index = rs.getString("INDEX_NAME");
                columnsByIndex.computeIfAbsent(index, i -> new ArrayList<>()).add(rs.getString("COLUMN_NAME"));
                uniqueByIndex.put(index, rs.getBoolean("NON_UNIQUE") ? "non-unique" : "unique");
            }
        }
        Map<String, String> byColumns = new TreeMap<>();
        columnsByIndex.forEach((index, columns) -> byColumns.put(String.join(",", columns), uniqueByIndex.get(index)));
        return byColumns;
    }

    private static void execute(DataSource dataSource, String... statements) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                if (!sql.isBlank()) {
                    statement.execute(sql);
                }
            }
        }
    }

    private static List<String> rows(DataSource dataSource, String query) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(query)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }
}
