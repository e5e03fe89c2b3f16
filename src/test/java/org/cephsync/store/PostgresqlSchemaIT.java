package org.cephsync.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.api.output.MigrateResult;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The PostgreSQL migrations (profile postgresql, on the database its environment names), each run in a schema
 * of its own that is dropped afterwards: they apply on a new database, apply once, and give the tables, columns,
 * nullability, text lengths and unique keys that the H2 scripts give, so both databases hold the same model.
 */
class PostgresqlSchemaIT {

    private final String schema = "migrations_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private PGSimpleDataSource database;

    @BeforeEach
    void schemaOfItsOwn() throws SQLException {
        String url = System.getenv("CEPH_SYNC_DATABASE_URL");
        assertNotNull(url, "the postgresql profile sets CEPH_SYNC_DATABASE_URL");
        database = new PGSimpleDataSource();
        database.setURL(url);
        database.setUser(System.getenv("CEPH_SYNC_DATABASE_USER"));
        database.setPassword(System.getenv("CEPH_SYNC_DATABASE_PASSWORD"));
        execute("CREATE SCHEMA " + schema);
        database.setCurrentSchema(schema);
    }

    @AfterEach
    void dropIt() throws SQLException {
        execute("DROP SCHEMA " + schema + " CASCADE");
    }

    @Test
    void theScriptsApplyOnceAndGiveTheModelTheH2ScriptsGive() throws SQLException {
        MigrateResult first = SchemaMigrations.migrate(database, getClass().getClassLoader());
        MigrateResult second = SchemaMigrations.migrate(database, getClass().getClassLoader());

        assertTrue(first.success);
        assertTrue(first.migrationsExecuted >= 1);
        assertEquals(0, second.migrationsExecuted);
        assertEquals(first.targetSchemaVersion, second.initialSchemaVersion);

        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        MigrateResult h2Result = SchemaMigrations.migrate(h2, getClass().getClassLoader());
        assertEquals(h2Result.targetSchemaVersion, first.targetSchemaVersion, "both script sets end at the same version");
        assertEquals(model(h2, "PUBLIC"), model(database, schema));
    }

    @Test
    void errorsOfAnyLengthAndStagedBytesFit() throws SQLException {
        SchemaMigrations.migrate(database, getClass().getClassLoader());
        String longError = "e".repeat(100_000);
        execute("INSERT INTO sync_run (instance_id, resources, error) VALUES (1, 'full', '" + longError + "')",
                "INSERT INTO staged_read (id, instance_id, resource, position, endpoint_id, item_count, items, natural_keys)"
                        + " VALUES (1, 1, 'osds', 0, 1, 1, decode('1f8b', 'hex'), decode('00', 'hex'))");
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT length(error), length(items) FROM sync_run, staged_read")) {
            assertTrue(rs.next());
            assertEquals(100_000, rs.getInt(1));
            assertEquals(2, rs.getInt(2));
        }
    }

    /**
     * Tables → columns with nullability and, for bounded text, length; plus the column sets of unique indexes.
     * Type names differ between the databases (TEXT and VARCHAR, BYTEA and VARBINARY) and are left out.
     */
    private static Map<String, String> model(DataSource dataSource, String schema) throws SQLException {
        Map<String, String> model = new TreeMap<>();
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            try (ResultSet rs = meta.getColumns(null, schema, "%", "%")) {
                while (rs.next()) {
                    String table = rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
                    if (table.contains("schema_history")) {
                        continue;
                    }
                    String type = rs.getString("TYPE_NAME").toLowerCase(Locale.ROOT);
                    boolean boundedText = type.contains("char") && rs.getInt("COLUMN_SIZE") < 1_000_000;
                    model.put(table + "." + rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT),
                            rs.getString("IS_NULLABLE") + (boundedText ? " text(" + rs.getInt("COLUMN_SIZE") + ")" : ""));
                }
            }
            for (String table : new TreeMap<>(model).keySet().stream().map(c -> c.substring(0, c.indexOf('.'))).distinct().toList()) {
                String name = meta.storesUpperCaseIdentifiers() ? table.toUpperCase(Locale.ROOT) : table;
                Map<String, StringBuilder> uniqueColumns = new TreeMap<>();
                try (ResultSet rs = meta.getIndexInfo(null, schema, name, true, false)) {
                    while (rs.next()) {
                        uniqueColumns.computeIfAbsent(rs.getString("INDEX_NAME"), i -> new StringBuilder())
                                .append(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT)).append(' ');
                    }
                }
                uniqueColumns.values().forEach(columns -> model.put(table + " unique " + columns.toString().trim(), "unique"));
            }
        }
        return model;
    }

    private void execute(String... statements) throws SQLException {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }
}
