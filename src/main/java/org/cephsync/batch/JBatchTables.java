package org.cephsync.batch;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.lang.reflect.Method;
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
import org.cephsync.resource.CephResource;

/**
 * The tables of JBatch's JDBC job repository (Payara's batch runtime), found in a database by their names,
 * with whatever prefix and suffix the server's batch-runtime-configuration gives them (Payara 6: prefix
 * {@code JBATCH}, in the H2 database of {@code jdbc/__default}): {@code JOBINSTANCEDATA} (jobinstanceid,
 * name, apptag), {@code EXECUTIONINSTANCEDATA} (one row per job execution: jobexecid, jobinstanceid,
 * createtime, batchstatus, exitstatus, endtime, updatetime, ...), {@code STEPEXECUTIONINSTANCEDATA} (one
 * row per step execution: stepexecid, jobexecid, stepname, batchstatus, exitstatus, endtime, ...) and
 * {@code STEPSTATUS} (id: the step's first step execution, obj: JBatch's serialized {@code StepStatus}) and
 * {@code JOBSTATUS} (id: the job instance, obj: its serialized {@code JobStatus}). A partition runs as a job
 * of its own, named {@code :<instance id>:<step>:<partition>}.
 *
 * <p>JBatch keeps an execution's status in these rows and reads it back from them. Its JobOperator cannot
 * list an execution left running by a dead server (getRunningExecutions only returns those in the live
 * kernel's memory), hence the query here. Its restart check looks only at whether the run completed or was
 * abandoned and whether the execution is the latest, so a row moved from STARTED to FAILED is restartable
 * like any failed run.
 */
record JBatchTables(String instances, String executions, String steps, String stepStatuses, String jobStatuses) {

    private static final String INSTANCES = "JOBINSTANCEDATA";
    private static final String EXECUTIONS = "EXECUTIONINSTANCEDATA";
    private static final String STEPS = "STEPEXECUTIONINSTANCEDATA";
    private static final String STEP_STATUSES = "STEPSTATUS";
    private static final String JOB_STATUSES = "JOBSTATUS";
    /** Longest name first: STEPEXECUTIONINSTANCEDATA also contains EXECUTIONINSTANCEDATA. */
    private static final List<String> TABLES = List.of(STEPS, EXECUTIONS, INSTANCES, STEP_STATUSES, JOB_STATUSES);
    private static final String RUNNING = "('STARTING', 'STARTED', 'STOPPING')";
    /** The job instances of a step's partitions, by a LIKE pattern {@code :<instance id>:<step>:%}. */
    private static final String PARTITION_INSTANCES = "SELECT jobinstanceid FROM %s WHERE name LIKE ?";

    /** The five tables, qualified and quoted as the database needs, if this database holds them. */
    static Optional<JBatchTables> find(Connection connection) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        String quote = meta.getIdentifierQuoteString() == null ? "" : meta.getIdentifierQuoteString().trim();
        // by schema and affixes, the tables found with them
        Map<String, Map<String, String>> byAffixes = new HashMap<>();
        try (ResultSet tables = meta.getTables(null, null, "%", new String[] {"TABLE"})) {
            while (tables.next()) {
                String name = tables.getString("TABLE_NAME");
                String schema = tables.getString("TABLE_SCHEM");
                String upper = name.toUpperCase(Locale.ROOT);
                String qualified = (schema == null || schema.isEmpty() ? "" : quote + schema + quote + ".") + quote + name + quote;
                for (String table : TABLES) {
                    int at = upper.indexOf(table);
                    if (at >= 0) {
                        String key = schema + "|" + upper.substring(0, at) + "|" + upper.substring(at + table.length());
                        byAffixes.computeIfAbsent(key, k -> new HashMap<>()).put(table, qualified);
                        break;
                    }
                }
            }
        }
        return byAffixes.values().stream().filter(found -> found.keySet().containsAll(TABLES))
                .map(found -> new JBatchTables(found.get(INSTANCES), found.get(EXECUTIONS), found.get(STEPS),
                        found.get(STEP_STATUSES), found.get(JOB_STATUSES)))
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
     * Marks a job execution, its steps and its partitions' executions and steps FAILED where they are still
     * marked running, and gives the run's partitioned steps back their number of partitions; in one transaction.
     *
     * @param partitionsPerStep how many partitions each of the run's resource steps has (its endpoints)
     * @param batchRuntime a class loader that sees JBatch's classes (its JobOperator's)
     * @return whether the execution was changed
     */
    boolean markFailed(Connection connection, long executionId, long instanceId, int partitionsPerStep, ClassLoader batchRuntime,
            Instant now) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            restorePartitionCounts(connection, instanceId, partitionsPerStep, batchRuntime);
            Timestamp at = Timestamp.from(now);
            String partitionExecutions = "SELECT jobexecid FROM " + executions + " WHERE jobinstanceid IN ("
                    + PARTITION_INSTANCES.formatted(instances) + ")";
            String allPartitions = ":" + instanceId + ":%";
            int changed = update(connection, "UPDATE " + executions + " SET batchstatus = 'FAILED', exitstatus = 'FAILED', endtime = ?,"
                    + " updatetime = ? WHERE jobexecid = ? AND batchstatus IN " + RUNNING, at, at, executionId);
            update(connection, "UPDATE " + executions + " SET batchstatus = 'FAILED', exitstatus = 'FAILED', endtime = ?, updatetime = ?"
                    + " WHERE jobexecid IN (" + partitionExecutions + ") AND batchstatus IN " + RUNNING, at, at, allPartitions);
            update(connection, "UPDATE " + steps + " SET batchstatus = 'FAILED', exitstatus = 'FAILED', endtime = ?"
                    + " WHERE (jobexecid = ? OR jobexecid IN (" + partitionExecutions + ")) AND batchstatus IN " + RUNNING,
                    at, executionId, allPartitions);
            connection.commit();
            return changed > 0;
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    /**
     * JBatch (Payara 6.2025.10) keeps a partitioned step's number of partitions in its step status only when the
     * step ends, and a restart of a step that has none fails (a NullPointerException in
     * {@code PartitionedStepControllerImpl.validateNumberOfPartitions}). A server killed during a partitioned step
     * leaves it so: the count is put back from the partitions' own jobs, which JBatch creates, all of them,
     * before it starts any. A step killed before all its partitions existed (in its fetch, or while JBatch was
     * creating them) loses its step status and the partitions' jobs created so far, none of which had started,
     * so that its restart starts it as a new step. Restored as it is, it would look for the partitions' jobs;
     * with fewer partitions than endpoints, it would leave the endpoints of the missing ones unwritten and still
     * complete, so that no later restart would run it again.
     */
    private void restorePartitionCounts(Connection connection, long instanceId, int partitionsPerStep, ClassLoader batchRuntime)
            throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT s.id, s.obj, b.stepname FROM " + stepStatuses + " s JOIN "
                + steps + " b ON b.stepexecid = s.id JOIN " + executions + " a ON a.jobexecid = b.jobexecid WHERE a.jobinstanceid = ?")) {
            query.setLong(1, instanceId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    String step = rows.getString(3);
                    Object status = deserialize(rows.getBytes(2), batchRuntime);
                    if (CephResource.byWireName(step).isEmpty() || invoke(status, "getNumPartitions") != null) {
                        continue;
                    }
                    String partitionJobs = ":" + instanceId + ":" + step + ":%";
                    int partitions = count(connection, "SELECT COUNT(*) FROM " + instances + " WHERE name LIKE ?", partitionJobs);
                    if (partitions == 0 || (partitions < partitionsPerStep && !anyStarted(connection, partitionJobs))) {
                        dropPartitions(connection, partitionJobs);
                        update(connection, "DELETE FROM " + stepStatuses + " WHERE id = ?", rows.getLong(1));
                    } else {
                        invoke(status, "setNumPartitions", partitions);
                        update(connection, "UPDATE " + stepStatuses + " SET obj = ? WHERE id = ?", serialize(status), rows.getLong(1));
                    }
                }
            }
        }
    }

    private boolean anyStarted(Connection connection, String partitionJobs) throws SQLException {
        return count(connection, "SELECT COUNT(*) FROM " + steps + " b JOIN " + executions + " a ON a.jobexecid = b.jobexecid"
                + " WHERE a.jobinstanceid IN (" + PARTITION_INSTANCES.formatted(instances) + ")", partitionJobs) > 0;
    }

    private void dropPartitions(Connection connection, String partitionJobs) throws SQLException {
        String named = PARTITION_INSTANCES.formatted(instances);
        update(connection, "DELETE FROM " + jobStatuses + " WHERE id IN (" + named + ")", partitionJobs);
        update(connection, "DELETE FROM " + executions + " WHERE jobinstanceid IN (" + named + ")", partitionJobs);
        update(connection, "DELETE FROM " + instances + " WHERE name LIKE ?", partitionJobs);
    }

    private static int count(Connection connection, String sql, String parameter) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, parameter);
            try (ResultSet count = query.executeQuery()) {
                return count.next() ? count.getInt(1) : 0;
            }
        }
    }

    private static int update(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                update.setObject(i + 1, parameters[i]);
            }
            return update.executeUpdate();
        }
    }

    private static Object deserialize(byte[] bytes, ClassLoader batchRuntime) {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes)) {
            @Override
            protected Class<?> resolveClass(ObjectStreamClass described) throws IOException, ClassNotFoundException {
                return Class.forName(described.getName(), false, batchRuntime);
            }
        }) {
            return in.readObject();
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException("JBatch's step status could not be read", e);
        }
    }

    private static byte[] serialize(Object status) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(status);
        } catch (IOException e) {
            throw new IllegalStateException("JBatch's step status could not be written", e);
        }
        return bytes.toByteArray();
    }

    private static Object invoke(Object target, String method, Object... arguments) {
        try {
            for (Method candidate : target.getClass().getMethods()) {
                if (candidate.getName().equals(method) && candidate.getParameterCount() == arguments.length) {
                    return candidate.invoke(target, arguments);
                }
            }
            throw new IllegalStateException(target.getClass().getName() + " has no method " + method);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("JBatch's step status refused " + method, e);
        }
    }
}
