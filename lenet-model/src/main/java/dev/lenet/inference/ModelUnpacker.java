package dev.lenet.inference;

import dev.lenet.Causes;
import dev.lenet.LeNetException;
import dev.lenet.data.SafePaths;
import dev.lenet.export.ModelPackage;
import dev.lenet.files.AtomicFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Unpacks a model artifact into a private temporary directory (owner-only), refusing any entry that would land
 * outside it. TensorFlow loads SavedModels from directories only, hence the copy.
 */
final class ModelUnpacker {
    /**
     * A LeNet model is under a megabyte; an artifact that unpacks to more (a crafted or damaged one, or a baseline from
     * a remote repository that is not what it claims) is refused before it fills the disk or memory.
     */
    static final long MAX_UNPACKED_BYTES = 64L << 20;

    static final int MAX_ENTRIES = 1_000;

    private ModelUnpacker() {}

    /** What is left of the caps while one artifact is unpacked. */
    private static final class Budget {
        private final String origin;
        private long bytes = MAX_UNPACKED_BYTES;
        private int entries = MAX_ENTRIES;

        Budget(String origin) {
            this.origin = origin;
        }

        void entry() {
            if (--entries < 0) {
                throw tooLarge("more than " + MAX_ENTRIES + " files");
            }
        }

        LeNetException tooLarge(String what) {
            return new LeNetException(origin + ": unpacks to " + what + ", more than any LeNet model. Refusing a"
                    + " crafted or damaged artifact; use the artifact lenet:train attached");
        }
    }

    static Path fromArchive(Path archive) {
        Path directory = privateDirectory();
        Budget budget = new Budget(archive.toString());
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            boolean any = false;
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                String name = entry.getName();
                if (SafePaths.escapes(name)) {
                    throw new LeNetException(archive + ": entry '" + name + "' would be written outside the directory"
                            + " it is unpacked to. Refusing a crafted archive; use the artifact lenet:train attached");
                }
                if (entry.isDirectory() || !name.startsWith(ModelPackage.ROOT)) {
                    continue;
                }
                try (InputStream in = zip.getInputStream(entry)) {
                    write(directory, name.substring(ModelPackage.ROOT.length()), in, budget);
                }
                any = true;
            }
            if (!any) {
                throw new LeNetException(archive + ": holds no " + ModelPackage.ROOT
                        + " entries. Give the model artifact" + " (.jar) that lenet:train attached");
            }
            return directory;
        } catch (IOException e) {
            AtomicFiles.deleteQuietly(directory);
            throw new LeNetException(archive + ": cannot be read as a model artifact (" + Causes.describe(e) + ")", e);
        } catch (RuntimeException e) {
            AtomicFiles.deleteQuietly(directory);
            throw e;
        }
    }

    static Path fromClasspath(ClassLoader loader) {
        String index;
        try (InputStream in = loader.getResourceAsStream(ModelPackage.INDEX)) {
            if (in == null) {
                throw new LeNetException("no LeNet model on the classpath (no " + ModelPackage.INDEX
                        + "). Add the model" + " artifact as a dependency, e.g. <classifier>model</classifier>");
            }
            index = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new LeNetException(
                    "cannot read " + ModelPackage.INDEX + " from the classpath: " + Causes.describe(e), e);
        }
        Path directory = privateDirectory();
        Budget budget = new Budget("the model on the classpath");
        try {
            for (String name : index.lines().filter(line -> !line.isBlank()).toList()) {
                if (SafePaths.escapes(name)) {
                    throw new LeNetException(ModelPackage.INDEX + " on the classpath names '" + name
                            + "', outside the model. Refusing a crafted artifact");
                }
                try (InputStream in = loader.getResourceAsStream(ModelPackage.ROOT + name)) {
                    if (in == null) {
                        throw new LeNetException(ModelPackage.INDEX + " names " + name + " but the classpath lacks "
                                + ModelPackage.ROOT + name + ". The model artifact is incomplete; rebuild it");
                    }
                    write(directory, name, in, budget);
                }
            }
            return directory;
        } catch (IOException e) {
            AtomicFiles.deleteQuietly(directory);
            throw new LeNetException("cannot unpack the model from the classpath: " + Causes.describe(e), e);
        } catch (RuntimeException e) {
            AtomicFiles.deleteQuietly(directory);
            throw e;
        }
    }

    private static void write(Path directory, String name, InputStream in, Budget budget) throws IOException {
        budget.entry();
        Path target;
        try {
            target = SafePaths.resolveInside(directory, name);
        } catch (IllegalArgumentException e) {
            throw new LeNetException(
                    "model entry '" + name + "' would be written outside " + directory
                            + ". Refusing a crafted artifact",
                    e);
        }
        Files.createDirectories(target.getParent());
        try (OutputStream out = Files.newOutputStream(target)) {
            byte[] buffer = new byte[1 << 16];
            int n;
            while ((n = in.read(buffer)) > 0) {
                budget.bytes -= n;
                if (budget.bytes < 0) {
                    throw budget.tooLarge("more than " + (MAX_UNPACKED_BYTES >> 20) + " MiB");
                }
                out.write(buffer, 0, n);
            }
        }
    }

    private static Path privateDirectory() {
        try {
            return Files.createTempDirectory(
                    "lenet-model-", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (UnsupportedOperationException e) {
            try {
                return Files.createTempDirectory("lenet-model-");
            } catch (IOException io) {
                throw new LeNetException(
                        "cannot create a temporary directory for the model: " + Causes.describe(io), io);
            }
        } catch (IOException e) {
            throw new LeNetException("cannot create a temporary directory for the model: " + Causes.describe(e), e);
        }
    }
}
