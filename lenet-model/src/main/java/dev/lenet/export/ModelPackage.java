package dev.lenet.export;

import dev.lenet.LeNetException;
import dev.lenet.contract.Causes;
import dev.lenet.contract.ModelArtifact;
import dev.lenet.files.AtomicFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * The model artifact: a jar holding the SavedModel and its card under {@value ModelArtifact#ROOT}, plus an index of its files
 * so the model can be read from a classpath. Entries are sorted and carry one fixed timestamp, so the same model
 * gives the same bytes.
 */
public final class ModelPackage {

    private ModelPackage() {}

    /**
     * Packs the {@code savedModel} directory (with its model card) into {@code jar}, written beside it first and moved into place.
     *
     * @param timestamp the time every entry carries (Maven's {@code project.build.outputTimestamp})
     */
    public static void write(Path savedModel, Path jar, Instant timestamp) {
        Path target = jar.toAbsolutePath();
        try {
            TreeMap<String, byte[]> entries = new TreeMap<>();
            try (Stream<Path> files = Files.walk(savedModel)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    String relative = savedModel.relativize(file).toString().replace('\\', '/');
                    entries.put(ModelArtifact.ROOT + relative, Files.readAllBytes(file));
                }
            }
            List<String> names = new ArrayList<>(entries.keySet());
            entries.put(
                    ModelArtifact.INDEX,
                    (String.join(
                                            "\n",
                                            names.stream()
                                                    .map(n -> n.substring(ModelArtifact.ROOT.length()))
                                                    .toList()) + "\n")
                            .getBytes(StandardCharsets.UTF_8));
            LocalDateTime time = LocalDateTime.ofInstant(timestamp, ZoneOffset.UTC);
            AtomicFiles.write(target, partial -> {
                try (OutputStream file = Files.newOutputStream(partial);
                        ZipOutputStream zip = new ZipOutputStream(file)) {
                    for (var entry : entries.entrySet()) {
                        ZipEntry zipEntry = new ZipEntry(entry.getKey());
                        zipEntry.setTimeLocal(time);
                        zip.putNextEntry(zipEntry);
                        zip.write(entry.getValue());
                        zip.closeEntry();
                    }
                }
            });
        } catch (IOException e) {
            throw new LeNetException(
                    "cannot write the model artifact " + target + " (" + Causes.describe(e) + "). Check that the"
                            + " directory is writable and the disk has space",
                    e);
        }
    }

    /** The bytes of {@code name} under {@value ModelArtifact#ROOT} in a model artifact. */
    public static byte[] entry(Path jar, String name) {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            ZipEntry entry = zip.getEntry(ModelArtifact.ROOT + name);
            if (entry == null) {
                throw new LeNetException(jar + ": holds no " + ModelArtifact.ROOT + name
                        + ". Rebuild the model with this version of" + " lenet-maven-plugin");
            }
            try (InputStream in = zip.getInputStream(entry)) {
                return in.readNBytes(16 << 20);
            }
        } catch (IOException e) {
            throw new LeNetException(jar + ": cannot be read as a model artifact (" + Causes.describe(e) + ")", e);
        }
    }
}
