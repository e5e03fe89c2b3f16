package org.cephsync.api;

import jakarta.batch.operations.BatchRuntimeException;
import jakarta.batch.operations.JobExecutionAlreadyCompleteException;
import jakarta.batch.operations.JobExecutionNotMostRecentException;
import jakarta.batch.operations.JobExecutionNotRunningException;
import jakarta.batch.operations.JobRestartException;
import jakarta.batch.operations.NoSuchJobExecutionException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.cephsync.batch.RunConflictException;

/** Turns every failure into problem details: no HTML error pages, no stack traces. */
public final class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class.getName());

    private ProblemMappers() {
    }

    @Provider
    public static class WebApplication implements ExceptionMapper<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException e) {
            Response r = e.getResponse();
            if (r != null && Problem.MEDIA_TYPE.equals(String.valueOf(r.getMediaType()))) {
                return r;
            }
            int status = r == null ? 500 : r.getStatus();
            return Problem.response(status, Response.Status.fromStatusCode(status) == null ? "Error"
                    : Response.Status.fromStatusCode(status).getReasonPhrase(), e.getMessage());
        }
    }

    @Provider
    public static class Batch implements ExceptionMapper<BatchRuntimeException> {
        @Override
        public Response toResponse(BatchRuntimeException e) {
            if (e instanceof NoSuchJobExecutionException) {
                return Problem.response(404, "Not Found", "no such sync job: " + e.getMessage());
            }
            if (e instanceof JobExecutionAlreadyCompleteException) {
                return Problem.response(409, "Conflict", "the job completed; there is nothing to restart");
            }
            if (e instanceof JobExecutionNotMostRecentException) {
                return Problem.response(409, "Conflict", "this is not the most recent execution of its run; restart that one");
            }
            if (e instanceof JobExecutionNotRunningException) {
                return Problem.response(409, "Conflict", "the job is not running");
            }
            if (e instanceof JobRestartException) {
                return Problem.response(409, "Conflict", "the job cannot be restarted: " + e.getMessage());
            }
            return internalError("batch runtime error", e);
        }
    }

    @Provider
    public static class RunConflict implements ExceptionMapper<RunConflictException> {
        @Override
        public Response toResponse(RunConflictException e) {
            return Problem.response(409, "Conflict", e.getMessage());
        }
    }

    @Provider
    public static class Unexpected implements ExceptionMapper<RuntimeException> {
        @Override
        public Response toResponse(RuntimeException e) {
            if (e instanceof WebApplicationException wae) {
                return new WebApplication().toResponse(wae);
            }
            if (e instanceof BatchRuntimeException bre) {
                return new Batch().toResponse(bre);
            }
            if (e instanceof RunConflictException conflict) {
                return new RunConflict().toResponse(conflict);
            }
            return internalError("unexpected error in a REST call", e);
        }
    }

    /**
     * A 500 that says nothing of the failure (its class, message or SQL could tell an attacker about the
     * internals), only a reference under which the server log has the whole of it.
     */
    static Response internalError(String what, RuntimeException e) {
        String reference = UUID.randomUUID().toString();
        LOG.log(Level.WARNING, e, () -> what + " (reference " + reference + ")");
        return Problem.response(500, "Internal Server Error",
                "the server failed to answer this call; its log has the cause under reference " + reference);
    }
}
