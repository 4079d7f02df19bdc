package dev.lenet.data;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Another build on the same machine, for the cache's tests: {@code hold LOCKFILE} holds a cache lock until its
 * standard input closes; {@code prepare DATASET CACHE} prepares a dataset as a build does and reads it.
 */
public final class CacheChild {
    private CacheChild() {}

    public static void main(String[] args) throws IOException {
        if (args[0].equals("hold")) {
            try (CacheLock lock = CacheLock.acquire(
                    Path.of(args[1]), "holding it for a test", System.out::println, Duration.ofMinutes(1))) {
                System.out.println("locked");
                System.out.flush();
                while (System.in.read() >= 0) {
                    // until the test closes our input
                }
            }
            return;
        }
        Path prepared =
                DatasetPreparation.prepare(Path.of(args[1]), DatasetOptions.defaults(42), Path.of(args[2]), line -> {});
        Dataset dataset = DatasetReader.read(prepared);
        System.out.println("DATASET " + prepared + " " + dataset.train().count() + " "
                + dataset.test().count());
    }
}
