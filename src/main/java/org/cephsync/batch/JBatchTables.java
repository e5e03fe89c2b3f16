package org.cephsync.batch;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The tables of JBatch's JDBC job repository (Payara's batch runtime), found in a database by their names,
 * with whatever prefix and suffix the server's batch-runtime-configuration gives them (Payara 6: prefix
 * {@code JBATCH}, in the H2 database of {@code jdbc/__default}): {@code JOBINSTANCEDATA} (jobinstanceid,
 * name, apptag), {@code EXECUTIONINSTANCEDATA} (one row per job execution: jobexecid, jobinstanceid,
 * createtime, batchstatus, exitstatus, endtime, updatetime, ...) and {@code STEPEXECUTIONINSTANCEDATA} (one
 * row per step execution: stepexecid, jobexecid, batchstatus, exitstatus, endtime, ...).
 *
 * <p>JBatch keeps an execution's status in these rows and reads it back from them. Its JobOperator cannot
 * list an execution left running by a dead server (getRunningExecutions only returns those in the live
 * kernel's memory), hence the query here. Its restart check looks only at whether the run completed or was
 * abandoned and whether the execution is the latest, so a row moved from STARTED to FAILED is restartable
 * like any failed run.
 */
record JBatchTables(String instances, String executions, String steps) {

    private static final String INSTANCES = "JOBINSTANCEDATA";
    private static final String EXECUTIONS = "EXECUTIONINSTANCEDATA";
    private static final String STEPS = "STEPEXECUTIONINSTANCEDATA";
    private static final String RUNNING = "('STARTING', 'STARTED', 'STOPPING')";

    /** The three tables, qualified and quoted as the database needs, if this database holds them. */
    static Optional<JBatchTables> find(Connection connection) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        String quote = meta.getIdentifierQuoteString() == null ? "" : meta.getIdentifierQuoteString().trim();
        Map<String, String> instancesByAffixes = new HashMap<>();
        Map<String, String> executionsByAffixes = new HashMap<>();
        Map<String, String> stepsByAffixes = new HashMap<>();
        try (ResultSet tables = meta.getTables(null, null, "%", new String[] {"TABLE"})) {
            while (tables.next()) {
                String name = tables.getString("TABLE_NAME");
                String schema = tables.getString("TABLE_SCHEM");
                String upper = name.toUpperCase(Locale.ROOT);
                String qualified = (schema == null || schema.isEmpty() ? "" : quote + schema + quote + ".") + quote + name + quote;
                // longest name first: STEPEXECUTIONINSTANCEDATA also contains EXECUTIONINSTANCEDATA
                for (String table : new String[] {STEPS, EXECUTIONS, INSTANCES}) {
                    int at = upper.indexOf(table);
                    if (at >= 0) {
                        String key = schema + "|" + upper.substring(0, at) + "|" + upper.substring(at + table.length());
                        (table.equals(STEPS) ? stepsByAffixes : table.equals(EXECUTIONS) ? executionsByAffixes : instancesByAffixes)
                                .put(key, qualified);
                        break;
                    }
                }
            }
        }
        return executionsByAffixes.entrySet().stream()
                .filter(e -> stepsByAffixes.containsKey(e.getKey()) && instancesByAffixes.containsKey(e.getKey()))
                .map(e -> new JBatchTables(instancesByAffixes.get(e.getKey()), e.getValue(), stepsByAffixes.get(e.getKey())))
                .findFirst();
    }

    /** An execution the repository says is running: its id and its job instance's. */
    record Running(long executionId, long instanceId, String status) {
    }

    /** The executions of a job marked STARTING, STARTED or STOPPING that were created before a moment. */
    List<Running> runningBefore(Connection connection, String jobName, Instant before) throws SQLException {
        return running(connection, jobName, before);
    }

    /** The executions of a job marked STARTING, STARTED or STOPPING, whichever server runs them. */
    List<Running> running(Connection connection, String jobName) throws SQLException {
        return running(connection, jobName, null);
    }

    private List<Running> running(Connection connection, String jobName, Instant createdBefore) throws SQLException {
        List<Running> found = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT e.jobexecid, e.jobinstanceid, e.batchstatus FROM "
                + executions + " e JOIN " + instances + " i ON i.jobinstanceid = e.jobinstanceid"
                + " WHERE i.name = ? AND e.batchstatus IN " + RUNNING
                + (createdBefore == null ? "" : " AND e.createtime < ?") + " ORDER BY e.jobexecid")) {
            query.setString(1, jobName);
            if (createdBefore != null) {
                query.setTimestamp(2, Timestamp.from(createdBefore));
            }
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    found.add(new Running(rows.getLong(1), rows.getLong(2), rows.getString(3)));
                }
            }
        }
        return found;
    }

    /**
     * Marks a job execution and its steps FAILED if they are still marked running; in one transaction.
     *
     * @return whether the execution was changed
     */
    boolean markFailed(Connection connection, long executionId, Instant now) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            Timestamp at = Timestamp.from(now);
            int changed;
            try (PreparedStatement update = connection.prepareStatement("UPDATE " + executions
                    + " SET batchstatus = 'FAILED', exitstatus = 'FAILED', endtime = ?, updatetime = ?"
                    + " WHERE jobexecid = ? AND batchstatus IN " + RUNNING)) {
                update.setTimestamp(1, at);
                update.setTimestamp(2, at);
                update.setLong(3, executionId);
                changed = update.executeUpdate();
            }
            try (PreparedStatement update = connection.prepareStatement("UPDATE " + steps
                    + " SET batchstatus = 'FAILED', exitstatus = 'FAILED', endtime = ?"
                    + " WHERE jobexecid = ? AND batchstatus IN " + RUNNING)) {
                update.setTimestamp(1, at);
                update.setLong(2, executionId);
                update.executeUpdate();
            }
            connection.commit();
            return changed > 0;
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }
}
