package dev.lenet.maven;

import dev.lenet.run.BuildLog;
import java.io.PrintStream;
import org.apache.maven.plugin.logging.Log;

/**
 * The core's log, written to Maven's. Progress lines within an epoch are drawn in place on the terminal when a person
 * is watching one (interactive mode, a console, not CI); otherwise they are dropped, so {@code -B} and CI logs hold one
 * line per epoch.
 */
final class MavenLog implements BuildLog {
    private final Log log;
    private final PrintStream terminal;
    private int shown;

    /** @param terminal where to draw progress, or null for none */
    MavenLog(Log log, PrintStream terminal) {
        this.log = log;
        this.terminal = terminal;
    }

    static boolean watchedTerminal(boolean interactiveMode) {
        return interactiveMode && System.console() != null && System.getenv("CI") == null;
    }

    @Override
    public synchronized void info(String message) {
        clearProgress();
        log.info(message);
    }

    @Override
    public synchronized void warn(String message) {
        clearProgress();
        log.warn(message);
    }

    @Override
    public void debug(String message) {
        log.debug(message);
    }

    @Override
    public synchronized void progress(String line) {
        if (terminal == null) {
            return;
        }
        String text = "[INFO] " + line;
        terminal.print("\r" + text + " ".repeat(Math.max(0, shown - text.length())));
        terminal.flush();
        shown = text.length();
    }

    private void clearProgress() {
        if (terminal != null && shown > 0) {
            terminal.print("\r" + " ".repeat(shown) + "\r");
            terminal.flush();
            shown = 0;
        }
    }
}
