package dev.lenet.inference;

import dev.lenet.contract.Causes;
import dev.lenet.contract.ModelArtifact;
import dev.lenet.contract.ModelException;
import dev.lenet.contract.SafePaths;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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

        ModelException tooLarge(String what) {
            return new ModelException(origin + ": unpacks to " + what + ", more than any LeNet model. Refusing a"
                    + " crafted or damaged artifact; use the artifact lenet:train attached");
        }
    }

    static Path fromArchive(Path archive) {
        Path directory = PrivateDirectory.create();
        Budget budget = new Budget(archive.toString());
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            boolean any = false;
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                String name = entry.getName();
                if (SafePaths.escapes(name)) {
                    throw new ModelException(archive + ": entry '" + name + "' would be written outside the directory"
                            + " it is unpacked to. Refusing a crafted archive; use the artifact lenet:train attached");
                }
                if (entry.isDirectory() || !name.startsWith(ModelArtifact.ROOT)) {
                    continue;
                }
                try (InputStream in = zip.getInputStream(entry)) {
                    write(directory, name.substring(ModelArtifact.ROOT.length()), in, budget);
                }
                any = true;
            }
            if (!any) {
                throw new ModelException(archive + ": holds no " + ModelArtifact.ROOT
                        + " entries. Give the model artifact" + " (.jar) that lenet:train attached");
            }
            return directory;
        } catch (IOException e) {
            PrivateDirectory.delete(directory);
            throw new ModelException(archive + ": cannot be read as a model artifact (" + Causes.describe(e) + ")", e);
        } catch (RuntimeException e) {
            PrivateDirectory.delete(directory);
            throw e;
        }
    }

    static Path fromClasspath(ClassLoader loader) {
        String index;
        try (InputStream in = loader.getResourceAsStream(ModelArtifact.INDEX)) {
            if (in == null) {
                throw new ModelException("no LeNet model on the classpath (no " + ModelArtifact.INDEX
                        + "). Add the model" + " artifact as a dependency, e.g. <classifier>model</classifier>");
            }
            index = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ModelException(
                    "cannot read " + ModelArtifact.INDEX + " from the classpath: " + Causes.describe(e), e);
        }
        Path directory = PrivateDirectory.create();
        Budget budget = new Budget("the model on the classpath");
        try {
            for (String name : index.lines().filter(line -> !line.isBlank()).toList()) {
                if (SafePaths.escapes(name)) {
                    throw new ModelException(ModelArtifact.INDEX + " on the classpath names '" + name
                            + "', outside the model. Refusing a crafted artifact");
                }
                try (InputStream in = loader.getResourceAsStream(ModelArtifact.ROOT + name)) {
                    if (in == null) {
                        throw new ModelException(ModelArtifact.INDEX + " names " + name + " but the classpath lacks "
                                + ModelArtifact.ROOT + name + ". The model artifact is incomplete; rebuild it");
                    }
                    write(directory, name, in, budget);
                }
            }
            return directory;
        } catch (IOException e) {
            PrivateDirectory.delete(directory);
            throw new ModelException("cannot unpack the model from the classpath: " + Causes.describe(e), e);
        } catch (RuntimeException e) {
            PrivateDirectory.delete(directory);
            throw e;
        }
    }

    private static void write(Path directory, String name, InputStream in, Budget budget) throws IOException {
        budget.entry();
        Path target;
        try {
            target = SafePaths.resolveInside(directory, name);
        } catch (IllegalArgumentException e) {
            throw new ModelException(
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
}
