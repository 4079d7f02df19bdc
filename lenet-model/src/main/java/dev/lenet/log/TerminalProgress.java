package dev.lenet.log;

import java.io.PrintStream;

/**
 * One transient line drawn in place on a terminal a person watches, cleared before the next lasting line. Anywhere
 * else (a pipe, a file, CI) there is no terminal and nothing is drawn, so logs hold the lasting lines alone.
 */
public final class TerminalProgress {
    private final PrintStream terminal;
    private int shown;

    /** @param terminal where to draw, or null to draw nothing */
    public TerminalProgress(PrintStream terminal) {
        this.terminal = terminal;
    }

    /** True when a person watches this process's output: a console, and no CI variable. */
    public static boolean watched() {
        return System.console() != null && System.getenv("CI") == null;
    }

    public synchronized void draw(String text) {
        if (terminal == null) {
            return;
        }
        terminal.print("\r" + text + " ".repeat(Math.max(0, shown - text.length())));
        terminal.flush();
        shown = text.length();
    }

    public synchronized void clear() {
        if (terminal != null && shown > 0) {
            terminal.print("\r" + " ".repeat(shown) + "\r");
            terminal.flush();
            shown = 0;
        }
    }
}
