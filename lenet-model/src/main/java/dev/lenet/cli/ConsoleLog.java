package dev.lenet.cli;

import dev.lenet.log.BuildLog;
import dev.lenet.log.TerminalProgress;
import java.io.PrintStream;

/**
 * The command line's log: lasting lines on standard output, progress only on a watched terminal, and TensorFlow's
 * native log lines (the child JVM's standard error, passed on as debug lines) only when asked for.
 */
final class ConsoleLog implements BuildLog {
    private final PrintStream out;
    private final TerminalProgress progress;
    private final PrintStream debug;

    /**
     * @param progress where transient progress is drawn
     * @param debug where debug lines go, or null to drop them
     */
    ConsoleLog(PrintStream out, TerminalProgress progress, PrintStream debug) {
        this.out = out;
        this.progress = progress;
        this.debug = debug;
    }

    @Override
    public void info(String message) {
        progress.clear();
        out.println(message);
    }

    @Override
    public void warn(String message) {
        progress.clear();
        out.println("WARNING: " + message);
    }

    @Override
    public void debug(String message) {
        if (debug != null) {
            progress.clear();
            debug.println(message);
        }
    }

    @Override
    public void progress(String line) {
        progress.draw(line);
    }
}
