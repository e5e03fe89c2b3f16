package org.cephsync.metrics;

import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Times the requests of a Ceph source; added to every CephSource bean by {@link SourceMetricsExtension}. */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface SourceTimed {

    final class Literal extends AnnotationLiteral<SourceTimed> implements SourceTimed {
        static final Literal INSTANCE = new Literal();
        private static final long serialVersionUID = 1L;
    }
}
