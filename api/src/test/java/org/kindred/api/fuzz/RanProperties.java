package org.kindred.api.fuzz;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;

/** Remembers which properties ran, so that a check over a whole class can tell a full run from a partial one. */
public final class RanProperties implements AroundPropertyHook {
    private static final Set<String> NAMES = ConcurrentHashMap.newKeySet();

    static boolean includeAll(Set<String> names) {
        return NAMES.containsAll(names);
    }

    @Override
    public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
        NAMES.add(context.targetMethod().getName());
        return property.execute();
    }
}
