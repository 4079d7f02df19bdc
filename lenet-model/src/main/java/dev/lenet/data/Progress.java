package dev.lenet.data;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * How far a long conversion got, logged every two seconds as a bar with the count, the rate and the time left:
 * {@code Decoding images [######--------------] 31% 217,000 of 700,000, 4,210 images/s, about 1m55s left}.
 */
final class Progress {
    static final long EVERY_NANOS = 2_000_000_000L;
    private static final int BAR = 20;

    private final String what;
    private final long total;
    private final Consumer<String> log;
    private final long started;
    private final AtomicLong done = new AtomicLong();
    private final AtomicLong lastReport;

    Progress(String what, long total, Consumer<String> log) {
        this(what, total, log, System.nanoTime());
    }

    /** @param started when the work started, on {@link System#nanoTime()}'s clock */
    Progress(String what, long total, Consumer<String> log, long started) {
        this.what = what;
        this.total = total;
        this.log = log;
        this.started = started;
        this.lastReport = new AtomicLong(started);
    }

    /** Counts {@code n} more done; safe from any thread. */
    void add(long n) {
        long now = System.nanoTime();
        long sum = done.addAndGet(n);
        long last = lastReport.get();
        if (now - last > EVERY_NANOS && lastReport.compareAndSet(last, now)) {
            log.accept(line(sum, now));
        }
    }

    double seconds() {
        return (System.nanoTime() - started) / 1e9;
    }

    /** Items a second so far. */
    double rate() {
        return done.get() / Math.max(seconds(), 1e-9);
    }

    /** Logs what was done in how long: {@code format} takes the count, and the time and rate are added. */
    void summary(String format) {
        log.accept(String.format(Locale.ROOT, format, done.get())
                + String.format(Locale.ROOT, " in %.1f s, %,.0f %s/s", seconds(), rate(), unit()));
    }

    String line(long sum, long now) {
        double seconds = (now - started) / 1e9;
        double rate = sum / Math.max(seconds, 1e-9);
        int filled = (int) (BAR * sum / Math.max(total, 1));
        long left = rate > 0 ? Math.round((total - sum) / rate) : 0;
        return String.format(
                Locale.ROOT,
                "%s [%s%s] %d%% %,d of %,d, %,.0f %s/s, about %s left",
                what,
                "#".repeat(filled),
                "-".repeat(BAR - filled),
                100 * sum / Math.max(total, 1),
                sum,
                total,
                rate,
                unit(),
                duration(left));
    }

    /** What is counted: the last word of what is done ("images", "rows"). */
    private String unit() {
        return what.substring(what.lastIndexOf(' ') + 1);
    }

    private static String duration(long seconds) {
        if (seconds >= 3600) {
            return seconds / 3600 + "h" + String.format(Locale.ROOT, "%02d", seconds / 60 % 60) + "m";
        }
        return seconds >= 60
                ? seconds / 60 + "m" + String.format(Locale.ROOT, "%02d", seconds % 60) + "s"
                : seconds + "s";
    }
}
