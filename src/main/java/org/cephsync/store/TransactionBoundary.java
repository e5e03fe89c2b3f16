package org.cephsync.store;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The methods of a bean so marked run in one JTA transaction: the caller's, when one is active (a batch
 * chunk's), else one of their own that commits when the method returns and rolls back when it throws.
 *
 * <p>Used instead of {@code jakarta.transaction.Transactional}: Payara's interceptor for that annotation
 * saves the caller's "may this thread use UserTransaction" state in a field of the interceptor instance,
 * and Weld shares one interceptor instance among all callers of an {@code @ApplicationScoped} bean. Two
 * threads in such a bean at once can restore each other's state, which leaves a batch thread where JBatch's
 * own {@code UserTransaction.begin} fails with "Operation not allowed" (STACK.md, pitfall 13).
 * {@link TransactionBoundaryInterceptor} keeps no state between calls.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface TransactionBoundary {
}
