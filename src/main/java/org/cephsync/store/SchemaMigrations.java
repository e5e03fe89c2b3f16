package org.cephsync.store;

import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.metamodel.EntityType;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings ceph-sync's tables to this version's schema when the application starts, before anything else
 * touches them (the other startup observers have the default priority), then checks that every entity's
 * mapping reads from them. EclipseLink creates nothing: the schema is the migration scripts under
 * {@code db/migration/<database>}, applied by Flyway and recorded in {@value #HISTORY_TABLE}.
 *
 * <p>A failure stops the deployment with the reason in the server log: the application never runs on a
 * schema it does not know.
 */
@ApplicationScoped
public class SchemaMigrations {

    private static final Logger LOG = Logger.getLogger(SchemaMigrations.class.getName());

    /** Not Flyway's default name: the database may hold the job repository and other applications' tables too. */
    static final String HISTORY_TABLE = "ceph_sync_schema_history";

    /** A table every release has had; present without a history table, it is the last release before migrations. */
    private static final String TABLE_OF_EVERY_RELEASE = "sync_run";

    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource dataSource;

    @PersistenceContext(unitName = "ceph-sync")
    EntityManager entityManager;

    void migrate(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) @Initialized(ApplicationScoped.class) Object ignored) {
        MigrateResult result = migrate(dataSource, getClass().getClassLoader());
        LOG.info(() -> "ceph-sync schema: database " + result.database + " at version " + currentVersion(result)
                + (result.migrationsExecuted == 0 ? " (up to date)" : " (" + result.migrationsExecuted + " migration(s) applied)"));
        verifyMappings();
    }

    /**
     * Migrates the database behind {@code dataSource} to the newest version. A database without a history
     * table is baselined first: at version 1 when it holds the tables of the release before migrations
     * (they are version 1), else at 0, so that the job repository's tables in the same schema are not
     * mistaken for ceph-sync's.
     */
    public static MigrateResult migrate(DataSource dataSource, ClassLoader classLoader) {
        String database;
        boolean hasHistory;
        boolean hasPreviousRelease;
        try (Connection connection = dataSource.getConnection()) {
            database = folderOf(connection.getMetaData().getDatabaseProductName());
            hasHistory = hasTable(connection, HISTORY_TABLE);
            hasPreviousRelease = hasTable(connection, TABLE_OF_EVERY_RELEASE);
        } catch (SQLException e) {
            throw new IllegalStateException("ceph-sync cannot open its database to migrate it: " + e.getMessage(), e);
        }
        if (!hasHistory) {
            String baseline = hasPreviousRelease ? "1" : "0";
            configure(dataSource, classLoader, database)
                    .baselineVersion(baseline)
                    .baselineDescription(hasPreviousRelease ? "tables of the release before migrations" : "no ceph-sync tables yet")
                    .load().baseline();
            LOG.info(() -> "ceph-sync schema: " + (hasPreviousRelease
                    ? "tables of the release before migrations found, taken as version 1"
                    : "new database"));
        }
        return configure(dataSource, classLoader, database).load().migrate();
    }

    private static org.flywaydb.core.api.configuration.FluentConfiguration configure(DataSource dataSource, ClassLoader classLoader, String database) {
        // Open Liberty's class loader finds a folder only through a file in it, hence an empty flyway.location in
        // each folder Flyway scans: db/migration/<database> and db/callback (Flyway always looks for callbacks there)
        return Flyway.configure(classLoader)
                .dataSource(dataSource)
                .table(HISTORY_TABLE)
                .locations("classpath:db/migration/" + database)
                .failOnMissingLocations(true);
    }

    /** The folder of migration scripts for a JDBC product name; the databases ceph-sync supports. */
    static String folderOf(String productName) {
        String name = productName.toLowerCase(Locale.ROOT);
        if (name.contains("h2")) {
            return "h2";
        }
        if (name.contains("postgresql")) {
            return "postgresql";
        }
        throw new IllegalStateException("ceph-sync supports H2 (embedded) and PostgreSQL, not " + productName);
    }

    /** Whether the connection's schema has the table, named as written (Flyway quotes its table) or as the database folds it. */
    private static boolean hasTable(Connection connection, String table) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        for (String name : new String[] {table, table.toUpperCase(Locale.ROOT)}) {
            try (ResultSet tables = meta.getTables(connection.getCatalog(), connection.getSchema(), name, new String[] {"TABLE"})) {
                if (tables.next()) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String currentVersion(MigrateResult result) {
        return result.targetSchemaVersion != null ? result.targetSchemaVersion
                : result.initialSchemaVersion != null ? result.initialSchemaVersion : MigrationVersion.EMPTY.getVersion();
    }

    /** Reads one row of every entity: a column the mapping names and the schema lacks fails here, not in a run. */
    private void verifyMappings() {
        for (EntityType<?> entity : entityManager.getMetamodel().getEntities()) {
            try {
                entityManager.createQuery("SELECT e FROM " + entity.getName() + " e").setMaxResults(1).getResultList();
            } catch (RuntimeException e) {
                throw new IllegalStateException("ceph-sync schema does not match the mapping of " + entity.getName()
                        + ": " + e.getMessage(), e);
            }
        }
    }
}
