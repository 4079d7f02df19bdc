package dev.lenet.log;

import java.util.List;
import java.util.function.Predicate;

/**
 * A build log for tests: keeps info lines as they are, warnings and progress lines marked, and the debug lines
 * {@code debugKept} accepts (none unless given).
 */
public record ListLog(List<String> lines, Predicate<String> debugKept) implements BuildLog {
    public ListLog(List<String> lines) {
        this(lines, debug -> false);
    }

    @Override
    public void info(String message) {
        lines.add(message);
    }

    @Override
    public void warn(String message) {
        lines.add("WARN " + message);
    }

    @Override
    public void debug(String message) {
        if (debugKept.test(message)) {
            lines.add(message);
        }
    }

    @Override
    public void progress(String line) {
        lines.add("PROGRESS " + line);
    }
}
