package dev.lenet.data;

import java.time.Duration;

/** A time limit as the data package's messages say it: "1.0 s", "5 minutes". */
final class Durations {
    private Durations() {}

    static String text(Duration d) {
        return d.toSeconds() >= 60 ? d.toMinutes() + " minutes" : d.toMillis() / 1000.0 + " s";
    }
}
