package org.cephsync.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The crash repair of {@link JBatchTables} on a database laid out as Payara's JBatch lays out its job repository
 * (its DDL, with Payara's table prefix). What JBatch then does with the repaired rows is
 * {@code PayaraCrashRecoveryIT}'s part: a real server killed in every step and restarted. This test covers the
 * moments that test cannot hit on purpose: a kill while JBatch was creating a step's partitions, one by one.
 */
class JBatchTablesTest {

    private static final long RUN = 7;
    private static final long OTHER_RUN = 8;
    private static final int ENDPOINTS = 3;

    private Connection connection;
    private final AtomicLong ids = new AtomicLong(100);
    private long runExecution;
    private long statusStep;
    private long osdsStep;

    @BeforeEach
    void aRunKilledInItsOsdsStepAfterItsStatusStepCompleted() throws SQLException {
        connection = DriverManager.getConnection("jdbc:h2:mem:jbatch-" + System.nanoTime());
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("CREATE TABLE JBATCHJOBINSTANCEDATA(jobinstanceid BIGINT PRIMARY KEY, name VARCHAR(512), apptag VARCHAR(512))");
            ddl.execute("CREATE TABLE JBATCHEXECUTIONINSTANCEDATA(jobexecid BIGINT PRIMARY KEY,"
                    + " jobinstanceid BIGINT NOT NULL REFERENCES JBATCHJOBINSTANCEDATA(jobinstanceid), createtime TIMESTAMP,"
                    + " starttime TIMESTAMP, endtime TIMESTAMP, updatetime TIMESTAMP, parameters BLOB,"
                    + " batchstatus VARCHAR(512), exitstatus VARCHAR(512))");
            ddl.execute("CREATE TABLE JBATCHSTEPEXECUTIONINSTANCEDATA(stepexecid BIGINT PRIMARY KEY,"
                    + " jobexecid BIGINT NOT NULL REFERENCES JBATCHEXECUTIONINSTANCEDATA(jobexecid), batchstatus VARCHAR(512),"
                    + " exitstatus VARCHAR(512), stepname VARCHAR(512), readcount INT, writecount INT, commitcount INT,"
                    + " rollbackcount INT, readskipcount INT, processskipcount INT, filtercount INT, writeskipcount INT,"
                    + " starttime TIMESTAMP, endtime TIMESTAMP, persistentdata BLOB)");
            ddl.execute("CREATE TABLE JBATCHJOBSTATUS(id BIGINT NOT NULL REFERENCES JBATCHJOBINSTANCEDATA(jobinstanceid), obj BLOB)");
            ddl.execute("CREATE TABLE JBATCHSTEPSTATUS(id BIGINT NOT NULL REFERENCES JBATCHSTEPEXECUTIONINSTANCEDATA(stepexecid), obj BLOB)");
            ddl.execute("CREATE TABLE JBATCHCHECKPOINTDATA(id VARCHAR(512), obj BLOB)");
        }
        instance(RUN, SyncParameters.JOB_NAME);
        runExecution = execution(RUN, "STARTED");
        statusStep = step(runExecution, "status", "COMPLETED");
        stepStatus(statusStep, ENDPOINTS);
        for (int partition = 0; partition < ENDPOINTS; partition++) {
            step(execution(partitionJob(RUN, "status", partition), "COMPLETED"), "status", "COMPLETED");
        }
        osdsStep = step(runExecution, "osds", "STARTED");
        stepStatus(osdsStep, null);
        instance(OTHER_RUN, SyncParameters.JOB_NAME);
        step(execution(partitionJob(OTHER_RUN, "osds", 0), "STARTED"), "osds", "STARTED");
    }

    @AfterEach
    void close() throws SQLException {
        connection.close();
    }

    @Test
    void aStepKilledWhileItsPartitionsWereBeingCreatedStartsOverWithoutThem() throws SQLException {
        execution(partitionJob(RUN, "osds", 0), "STARTING");
        execution(partitionJob(RUN, "osds", 1), "STARTING");

        assertTrue(markFailed());

        assertEquals(List.of(), names(":" + RUN + ":osds:%"), "the two partitions created before the kill are gone");
        assertEquals(Optional.empty(), partitionCount(osdsStep), "the step loses its status: its restart starts it as new");
        assertEquals(Optional.of(Optional.of(ENDPOINTS)), partitionCount(statusStep), "the completed step keeps its own");
        assertEquals(ENDPOINTS, names(":" + RUN + ":status:%").size());
        assertEquals(List.of("FAILED"), executionStatuses(runExecution));
        assertEquals("FAILED", stepStatusOf(osdsStep));
        assertEquals("COMPLETED", stepStatusOf(statusStep));
        assertEquals(List.of("STARTED"), partitionExecutionStatuses(OTHER_RUN), "another run's partitions are left alone");
    }

    @Test
    void aStepKilledWhileItsPartitionsRanGetsItsPartitionCountBackAndItsPartitionsFail() throws SQLException {
        long running = execution(partitionJob(RUN, "osds", 0), "STARTED");
        long runningStep = step(running, "osds", "STARTED");
        execution(partitionJob(RUN, "osds", 1), "STARTED");
        execution(partitionJob(RUN, "osds", 2), "STARTING");

        assertTrue(markFailed());

        assertEquals(Optional.of(Optional.of(ENDPOINTS)), partitionCount(osdsStep));
        assertEquals(ENDPOINTS, names(":" + RUN + ":osds:%").size());
        assertEquals(List.of("FAILED", "FAILED", "FAILED"), partitionExecutionStatuses(RUN, "osds"));
        assertEquals(List.of("COMPLETED", "COMPLETED", "COMPLETED"), partitionExecutionStatuses(RUN, "status"));
        assertEquals("FAILED", stepStatusOf(runningStep));
        assertEquals(List.of("STARTED"), partitionExecutionStatuses(OTHER_RUN));
    }

    @Test
    void aStepKilledInItsFetchBeforeAnyPartitionStartsOver() throws SQLException {
        assertTrue(markFailed());

        assertEquals(Optional.empty(), partitionCount(osdsStep));
        assertEquals(Optional.of(Optional.of(ENDPOINTS)), partitionCount(statusStep));
    }

    @Test
    void anExecutionAlreadyMarkedFailedIsNotChangedAgain() throws SQLException {
        assertTrue(markFailed());
        assertEquals(false, markFailed());
    }

    private boolean markFailed() throws SQLException {
        JBatchTables tables = JBatchTables.find(connection).orElseThrow();
        return tables.markFailed(connection, runExecution, RUN, ENDPOINTS, getClass().getClassLoader(), Instant.now());
    }

    /** Stands in for JBatch's serialized StepStatus: the repair reaches its partition count by name. */
    public static final class StepStatus implements Serializable {
        private static final long serialVersionUID = 1L;
        private Integer numPartitions;

        public Integer getNumPartitions() {
            return numPartitions;
        }

        public void setNumPartitions(Integer numPartitions) {
            this.numPartitions = numPartitions;
        }
    }

    private long partitionJob(long run, String step, int partition) throws SQLException {
        long id = ids.incrementAndGet();
        instance(id, ":" + run + ":" + step + ":" + partition);
        return id;
    }

    private void instance(long id, String name) throws SQLException {
        update("INSERT INTO JBATCHJOBINSTANCEDATA(jobinstanceid, name, apptag) VALUES (?, ?, 'ceph-sync')", id, name);
        update("INSERT INTO JBATCHJOBSTATUS(id, obj) VALUES (?, ?)", id, new byte[] {1});
    }

    private long execution(long instance, String status) throws SQLException {
        long id = ids.incrementAndGet();
        update("INSERT INTO JBATCHEXECUTIONINSTANCEDATA(jobexecid, jobinstanceid, createtime, batchstatus) VALUES (?, ?, ?, ?)",
                id, instance, Timestamp.from(Instant.now().minusSeconds(60)), status);
        return id;
    }

    private long step(long execution, String name, String status) throws SQLException {
        long id = ids.incrementAndGet();
        update("INSERT INTO JBATCHSTEPEXECUTIONINSTANCEDATA(stepexecid, jobexecid, stepname, batchstatus) VALUES (?, ?, ?, ?)",
                id, execution, name, status);
        return id;
    }

    private void stepStatus(long step, Integer partitions) throws SQLException {
        StepStatus status = new StepStatus();
        status.setNumPartitions(partitions);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(status);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        update("INSERT INTO JBATCHSTEPSTATUS(id, obj) VALUES (?, ?)", step, bytes.toByteArray());
    }

    /** Empty without a step status; else its partition count, itself empty when JBatch has not set it. */
    private Optional<Optional<Integer>> partitionCount(long step) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT obj FROM JBATCHSTEPSTATUS WHERE id = ?")) {
            query.setLong(1, step);
            try (ResultSet row = query.executeQuery();
                    ObjectInputStream in = row.next() ? new ObjectInputStream(new ByteArrayInputStream(row.getBytes(1))) : null) {
                return in == null ? Optional.empty() : Optional.of(Optional.ofNullable(((StepStatus) in.readObject()).getNumPartitions()));
            } catch (IOException | ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private List<String> names(String like) throws SQLException {
        return strings("SELECT name FROM JBATCHJOBINSTANCEDATA WHERE name LIKE ? ORDER BY name", like);
    }

    private List<String> executionStatuses(long execution) throws SQLException {
        return strings("SELECT batchstatus FROM JBATCHEXECUTIONINSTANCEDATA WHERE jobexecid = ?", execution);
    }

    private List<String> partitionExecutionStatuses(long run, String step) throws SQLException {
        return strings("SELECT e.batchstatus FROM JBATCHEXECUTIONINSTANCEDATA e JOIN JBATCHJOBINSTANCEDATA i"
                + " ON i.jobinstanceid = e.jobinstanceid WHERE i.name LIKE ? ORDER BY i.name", ":" + run + ":" + step + ":%");
    }

    private List<String> partitionExecutionStatuses(long run) throws SQLException {
        return partitionExecutionStatuses(run, "%");
    }

    private String stepStatusOf(long step) throws SQLException {
        return strings("SELECT batchstatus FROM JBATCHSTEPEXECUTIONINSTANCEDATA WHERE stepexecid = ?", step).get(0);
    }

    private List<String> strings(String sql, Object parameter) throws SQLException {
        List<String> found = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setObject(1, parameter);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    found.add(rows.getString(1));
                }
            }
        }
        return found;
    }

    private void update(String sql, Object... parameters) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                update.setObject(i + 1, parameters[i]);
            }
            update.executeUpdate();
        }
    }
}
