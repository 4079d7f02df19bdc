package dev.lenet.run;

/** Where a build-time run reports, so that the core needs no logging framework of its build tool. */
public interface BuildLog {
    void info(String message);

    void warn(String message);

    void debug(String message);
}
