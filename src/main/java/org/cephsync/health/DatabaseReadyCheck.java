package org.cephsync.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** Part of {@code /health/ready}: the database (the server's default datasource, which also holds the batch job repository) answers. */
@Readiness
@ApplicationScoped
public class DatabaseReadyCheck implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(DatabaseReadyCheck.class.getName());

    static final int TIMEOUT_SECONDS = 5;

    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource dataSource;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder check = HealthCheckResponse.named("database");
        try (Connection connection = dataSource.getConnection()) {
            boolean valid = connection.isValid(TIMEOUT_SECONDS);
            // the product name only: a JDBC URL or user could carry credentials
            check.withData("database", connection.getMetaData().getDatabaseProductName());
            return valid ? check.up().build() : check.down().withData("error", "the connection is not valid").build();
        } catch (SQLException | RuntimeException e) {
            // anyone may ask: the cause (SQL state, host names) goes to the server log only
            LOG.log(Level.WARNING, "ceph-sync readiness: DOWN, the database does not answer", e);
            return check.down().withData("error", "the database does not answer; the server log says why").build();
        }
    }
}
