package gsvtrainer.pipeline;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * The step implementations on the class path, found by name. A step of the {@link Pipeline} without
 * one is unavailable: running it fails with {@code step_unavailable}.
 */
public final class StepRegistry {

    private final Map<String, StepAction<?>> actions;

    public StepRegistry(Iterable<? extends StepAction<?>> implementations) {
        Map<String, StepAction<?>> byName = new HashMap<>();
        for (StepAction<?> action : implementations) {
            StepAction<?> previous = byName.put(action.name(), action);
            if (previous != null) {
                throw new IllegalStateException("two implementations of step " + action.name() + ": "
                        + previous.getClass().getName() + " and " + action.getClass().getName());
            }
        }
        this.actions = Map.copyOf(byName);
    }

    /** The implementations registered in {@code META-INF/services/gsvtrainer.pipeline.StepAction}. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static StepRegistry fromClassPath() {
        Iterable loaded = ServiceLoader.load(StepAction.class);
        return new StepRegistry((Iterable<? extends StepAction<?>>) loaded);
    }

    /**
     * The one implementation {@code className}, if it is on the class path and implements {@code step}:
     * a run process needs its own step only, and loading every implementation costs it start-up time.
     */
    public static Optional<StepAction<?>> load(String className, String step) {
        try {
            Class<?> type = Class.forName(className, false, StepRegistry.class.getClassLoader());
            if (!StepAction.class.isAssignableFrom(type)) {
                return Optional.empty();
            }
            StepAction<?> action = (StepAction<?>) type.getConstructor().newInstance();
            return action.name().equals(step) ? Optional.of(action) : Optional.empty();
        } catch (ReflectiveOperationException | LinkageError e) {
            return Optional.empty();
        }
    }

    public Optional<StepAction<?>> find(String step) {
        return Optional.ofNullable(actions.get(step));
    }

    public boolean isAvailable(String step) {
        return actions.containsKey(step);
    }
}
