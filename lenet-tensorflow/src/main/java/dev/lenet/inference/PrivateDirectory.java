package dev.lenet.inference;

import dev.lenet.contract.Causes;
import dev.lenet.contract.ModelException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;

/** The owner-only temporary directory a model artifact is unpacked to, and its removal once the model is loaded. */
final class PrivateDirectory {
    private PrivateDirectory() {}

    static Path create() {
        try {
            try {
                return Files.createTempDirectory(
                        "lenet-model-",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } catch (UnsupportedOperationException e) {
                return Files.createTempDirectory("lenet-model-");
            }
        } catch (IOException e) {
            throw new ModelException("cannot create a temporary directory for the model: " + Causes.describe(e), e);
        }
    }

    /** Removes the directory and all it holds; what cannot be removed stays behind, in the temporary directory. */
    static void delete(Path directory) {
        if (directory == null || !Files.exists(directory)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(directory)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            // a private temporary directory: the operating system clears it
        }
    }
}
