package dev.autumncatalog.testing;

import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropagationMode;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;

/**
 * Gives every jqwik property the seed of the system property {@code jqwik.seed}, when it is set. Mutation testing sets
 * it (profile {@code mutation}): a mutant must be judged by the same generated values each time, or its verdict would
 * depend on luck. Registered for every property through {@code META-INF/services}; the test jar carries it to the
 * modules that use the DSL's generators. Without the property, properties keep jqwik's random seeds.
 */
public final class FixedSeedHook implements AroundPropertyHook {
    static final String SEED_PROPERTY = "jqwik.seed";

    @Override
    public PropagationMode propagateTo() {
        return PropagationMode.ALL_DESCENDANTS;
    }

    @Override
    public boolean appliesTo(java.util.Optional<java.lang.reflect.AnnotatedElement> element) {
        return true;
    }

    @Override
    public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
        String seed = System.getProperty(SEED_PROPERTY);
        if (seed != null && !seed.isBlank() && context.attributes().seed().isEmpty()) {
            context.attributes().setSeed(seed.trim());
        }
        return property.execute();
    }

    @Override
    public int aroundPropertyProximity() {
        // Outside every other hook, so the seed is set before anything generates a value.
        return -100;
    }
}
