package dev.redoubt.ui.tasks;

/** Work to run away from the FX thread; it reports progress, posts updates and checks for cancel through its context. */
@FunctionalInterface
public interface Work<T> {
    T run(TaskContext context) throws Exception;
}
