package org.cephsync.store;

import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.UserTransaction;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@link TransactionBoundary}: joins the active transaction, or owns one for the call. Everything it knows
 * about a call lives in local variables, so one instance serves any number of threads at once.
 */
@TransactionBoundary
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 200)
public class TransactionBoundaryInterceptor {

    private static final Logger LOG = Logger.getLogger(TransactionBoundaryInterceptor.class.getName());

    @Resource
    UserTransaction transaction;

    @Resource
    TransactionSynchronizationRegistry registry;

    @AroundInvoke
    public Object inTransaction(InvocationContext call) throws Exception {
        int status = registry.getTransactionStatus();
        if (status == Status.STATUS_ACTIVE) {
            return call.proceed();
        }
        if (status == Status.STATUS_MARKED_ROLLBACK) {
            throw new IllegalStateException("the caller's transaction is marked for rollback: "
                    + call.getMethod().getDeclaringClass().getSimpleName() + "." + call.getMethod().getName() + " cannot run in it");
        }
        transaction.begin();
        Object result;
        try {
            result = call.proceed();
        } catch (Exception | Error e) {
            rollback(call, e);
            throw e;
        }
        transaction.commit();
        return result;
    }

    private void rollback(InvocationContext call, Throwable cause) {
        try {
            transaction.rollback();
        } catch (Exception | Error e) {
            cause.addSuppressed(e);
            LOG.log(Level.WARNING, "rollback after a failure in " + call.getMethod().getName() + " failed", e);
        }
    }
}
