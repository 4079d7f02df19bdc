package dev.lenet.data;

import dev.lenet.LeNetException;
import dev.lenet.contract.Causes;
import java.io.IOException;
import java.nio.file.Path;

/** A dataset file or archive that cannot be used: names the input, what is wrong, and how to fix it. */
public final class InvalidDatasetException extends LeNetException {
    private final String input;

    public InvalidDatasetException(String input, String problem, String fix) {
        super(input + ": " + problem + ". " + fix);
        this.input = input;
    }

    public InvalidDatasetException(String input, String problem, String fix, Throwable cause) {
        super(input + ": " + problem + ". " + fix, cause);
        this.input = input;
    }

    private InvalidDatasetException(String input, String message, Throwable cause) {
        super(message, cause);
        this.input = input;
    }

    /** A file the dataset needs that cannot be read: names it and keeps the cause. */
    static InvalidDatasetException unreadable(Path file, IOException cause) {
        return new InvalidDatasetException(
                file.toString(), "cannot be read (" + Causes.describe(cause) + ")", "Check that it is readable", cause);
    }

    /** Recreates an exception from its parts, as reported by a child JVM. */
    public static InvalidDatasetException withMessage(String input, String message, Throwable cause) {
        return new InvalidDatasetException(input, message, cause);
    }

    /** The file, directory or archive entry at fault. */
    public String input() {
        return input;
    }

    @Override
    public String parameter() {
        return "dataset";
    }
}
