package org.cephsync.it;

import jakarta.annotation.Priority;
import jakarta.batch.api.chunk.ItemProcessor;
import jakarta.batch.runtime.context.StepContext;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;

/** Test-only: the processor fault of {@link FaultInjection} ({@code kind=process}), decorating the real processor. */
@Decorator
@Priority(Interceptor.Priority.APPLICATION)
public abstract class FaultyProcessor implements ItemProcessor {

    @Inject
    @Delegate
    @Any
    ItemProcessor processor;

    @Inject
    FaultInjection faults;

    @Inject
    StepContext step;

    @Override
    public Object processItem(Object item) throws Exception {
        if (faults.due(step.getStepName(), "process")) {
            throw new IllegalArgumentException("injected failure while mapping an item of " + step.getStepName());
        }
        return processor.processItem(item);
    }
}
