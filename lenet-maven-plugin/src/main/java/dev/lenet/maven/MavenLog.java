package dev.lenet.maven;

import dev.lenet.log.BuildLog;
import dev.lenet.log.TerminalProgress;
import java.io.PrintStream;
import org.apache.maven.plugin.logging.Log;

/**
 * The core's log, written to Maven's. Progress lines within an epoch are drawn in place on the terminal when a person
 * is watching one (interactive mode, a console, not CI); otherwise they are dropped, so {@code -B} and CI logs hold one
 * line per epoch.
 */
final class MavenLog implements BuildLog {
    private final Log log;
    private final TerminalProgress progress;

    /** @param terminal where to draw progress, or null for none */
    MavenLog(Log log, PrintStream terminal) {
        this.log = log;
        this.progress = new TerminalProgress(terminal);
    }

    static boolean watchedTerminal(boolean interactiveMode) {
        return interactiveMode && TerminalProgress.watched();
    }

    @Override
    public void info(String message) {
        progress.clear();
        log.info(message);
    }

    @Override
    public void warn(String message) {
        progress.clear();
        log.warn(message);
    }

    @Override
    public void debug(String message) {
        log.debug(message);
    }

    @Override
    public void progress(String line) {
        progress.draw("[INFO] " + line);
    }
}
