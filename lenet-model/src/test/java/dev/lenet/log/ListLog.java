package dev.lenet.log;

import java.util.List;

/** A build log for tests: keeps info lines as they are, warnings and progress lines marked, debug lines not at all. */
public record ListLog(List<String> lines) implements BuildLog {
    @Override
    public void info(String message) {
        lines.add(message);
    }

    @Override
    public void warn(String message) {
        lines.add("WARN " + message);
    }

    @Override
    public void debug(String message) {}

    @Override
    public void progress(String line) {
        lines.add("PROGRESS " + line);
    }
}
