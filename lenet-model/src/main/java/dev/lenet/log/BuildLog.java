package dev.lenet.log;

/** Where a build-time run reports, so that the core needs no logging framework of its build tool. */
public interface BuildLog {
    void info(String message);

    void warn(String message);

    void debug(String message);

    /**
     * A transient progress line within an epoch. Shown only where a person watches a terminal; a log file or CI
     * output gets the one line per epoch alone.
     */
    default void progress(String line) {}
}
