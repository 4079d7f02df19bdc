package dev.lenet.fork;

import dev.lenet.log.BuildLog;

/**
 * The child JVM's side of the log: lines on standard output for the parent to pass on, progress lines marked so the
 * parent can show them only where a person watches, debug lines not at all.
 */
public final class ProtocolLog implements BuildLog {
    /** Marks a progress line on the child JVM's output. */
    static final String PROGRESS_PREFIX = "@@lenet-progress ";

    /** The child's last line: its report is written, and nothing it does after it matters to the build. */
    static final String DONE = "@@lenet-done";

    static void done() {
        System.out.println(DONE);
        System.out.flush();
    }

    @Override
    public void progress(String line) {
        System.out.println(PROGRESS_PREFIX + line);
    }

    @Override
    public void info(String message) {
        System.out.println(message);
    }

    @Override
    public void warn(String message) {
        System.out.println("WARNING: " + message);
    }

    @Override
    public void debug(String message) {
        // the parent shows its own debug lines
    }
}
