package dev.lenet.inference;

import dev.lenet.LeNetException;
import dev.lenet.data.SafePaths;
import dev.lenet.files.AtomicFiles;
import dev.lenet.export.ModelPackage;
import java.io.IOException;
import java.io.InputStream;
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
    private ModelUnpacker() {}

    static Path fromArchive(Path archive) {
        Path directory = privateDirectory();
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
                    write(directory, name.substring(ModelPackage.ROOT.length()), in);
                }
                any = true;
            }
            if (!any) {
                throw new LeNetException(archive + ": holds no " + ModelPackage.ROOT + " entries. Give the model artifact"
                        + " (.jar) that lenet:train attached");
            }
            return directory;
        } catch (IOException e) {
            AtomicFiles.deleteQuietly(directory);
            throw new LeNetException(archive + ": cannot be read as a model artifact (" + e.getMessage() + ")", e);
        } catch (RuntimeException e) {
            AtomicFiles.deleteQuietly(directory);
            throw e;
        }
    }

    static Path fromClasspath(ClassLoader loader) {
        String index;
        try (InputStream in = loader.getResourceAsStream(ModelPackage.INDEX)) {
            if (in == null) {
                throw new LeNetException("no LeNet model on the classpath (no " + ModelPackage.INDEX + "). Add the model"
                        + " artifact as a dependency, e.g. <classifier>model</classifier>");
            }
            index = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new LeNetException("cannot read " + ModelPackage.INDEX + " from the classpath: " + e.getMessage(), e);
        }
        Path directory = privateDirectory();
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
                    write(directory, name, in);
                }
            }
            return directory;
        } catch (IOException e) {
            AtomicFiles.deleteQuietly(directory);
            throw new LeNetException("cannot unpack the model from the classpath: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            AtomicFiles.deleteQuietly(directory);
            throw e;
        }
    }

    private static void write(Path directory, String name, InputStream in) throws IOException {
        Path target;
        try {
            target = SafePaths.resolveInside(directory, name);
        } catch (IllegalArgumentException e) {
            throw new LeNetException("model entry '" + name + "' would be written outside " + directory
                    + ". Refusing a crafted artifact");
        }
        Files.createDirectories(target.getParent());
        Files.copy(in, target);
    }

    private static Path privateDirectory() {
        try {
            return Files.createTempDirectory("lenet-model-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (UnsupportedOperationException e) {
            try {
                return Files.createTempDirectory("lenet-model-");
            } catch (IOException io) {
                throw new LeNetException("cannot create a temporary directory for the model: " + io.getMessage(), io);
            }
        } catch (IOException e) {
            throw new LeNetException("cannot create a temporary directory for the model: " + e.getMessage(), e);
        }
    }
}
