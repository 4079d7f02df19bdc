package dev.lenet.export;

import dev.lenet.InvalidParameterException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** Maven's {@code project.build.outputTimestamp}: ISO-8601 with an offset, or seconds since the epoch. */
public final class OutputTimestamp {
    /** Used when the project sets none, so that the artifact is still reproducible (the zip format's earliest day). */
    public static final Instant DEFAULT = Instant.parse("1980-01-01T00:00:02Z");

    private OutputTimestamp() {}

    public static Instant parse(String text) {
        if (text == null || text.isBlank() || text.strip().length() < 2) {
            return DEFAULT;
        }
        String value = text.strip();
        try {
            if (value.chars().allMatch(Character::isDigit)) {
                return Instant.ofEpochSecond(Long.parseLong(value));
            }
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new InvalidParameterException(
                    "outputTimestamp",
                    text,
                    "use ISO-8601 with an offset such as 2026-01-01T00:00:00Z, or seconds since 1970");
        }
    }
}
