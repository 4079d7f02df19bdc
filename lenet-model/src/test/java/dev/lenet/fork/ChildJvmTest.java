package dev.lenet.fork;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lenet.Slow;
import dev.lenet.data.DatasetBudget;
import dev.lenet.data.IdxWriter;
import dev.lenet.data.InvalidDatasetException;
import dev.lenet.evaluation.Checks;
import dev.lenet.evaluation.Gates;
import dev.lenet.export.MlBom;
import dev.lenet.export.ModelExport;
import dev.lenet.log.BuildLog;
import dev.lenet.log.ListLog;
import dev.lenet.pipeline.Job;
import dev.lenet.pipeline.RunReport;
import dev.lenet.training.Device;
import dev.lenet.training.TinyTraining;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Slow
@Timeout(value = 3, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ChildJvmTest {
    @TempDir
    Path temp;

    private static ChildJvm.Settings thisClasspath() {
        List<Path> classpath = Arrays.stream(
                        System.getProperty("java.class.path").split(File.pathSeparator))
                .map(Path::of)
                .toList();
        return new ChildJvm.Settings(
                Path.of(System.getProperty("java.home"), "bin", "java"), classpath, List.of("-Xmx1g"), Map.of());
    }

    private static Path jar(Path directory, Path jar) throws IOException {
        Files.createDirectories(jar.getParent());
        try (var out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar));
                var files = Files.walk(directory)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new java.util.jar.JarEntry(
                        directory.relativize(file).toString().replace('\\', '/')));
                Files.copy(file, out);
                out.closeEntry();
            }
        }
        return jar;
    }

    private ModelExport.Target export() {
        return new ModelExport.Target(
                temp.resolve("model.jar"),
                temp.resolve("model-cyclonedx.json"),
                new MlBom.Coordinates("g", "a", "1", null),
                Instant.parse("2026-01-01T00:00:00Z"));
    }

    /** One epoch of the tiny training on {@code data}, its model into {@code model}, no TensorBoard or checkpoints. */
    private Job.Train oneEpoch(Path data, Path model) {
        return new Job.Train(
                data,
                TinyTraining.CONFIG.toBuilder().epochs(1).build(),
                model,
                null,
                null,
                null,
                Checks.none(),
                new Gates(0.0, 1.0),
                export(),
                DatasetBudget.DEFAULT_MAX_BYTES);
    }

    @Test
    void trainsInAChildJvmAndReportsBack() throws IOException {
        Path data = temp.resolve("data");
        IdxWriter.writeDataset(data, TinyTraining.DATA.train(), TinyTraining.DATA.test(), false);
        List<String> lines = new ArrayList<>();
        RunReport report = new ChildJvm(thisClasspath(), temp.resolve("work"))
                .train(
                        new Job.Train(
                                data,
                                TinyTraining.CONFIG.toBuilder().epochs(1).build(),
                                temp.resolve("model"),
                                temp.resolve("tb"),
                                temp.resolve("work").resolve("checkpoint"),
                                null,
                                Checks.none(),
                                new Gates(0.0, 1.0),
                                export(),
                                DatasetBudget.DEFAULT_MAX_BYTES),
                        new ListLog(lines));
        assertEquals(1, report.epochs().size());
        assertTrue(report.verdict().passed(), report.verdict().message());
        assertTrue(Files.isRegularFile(temp.resolve("model.jar")), "the child exported the model that passed");
        assertEquals(report.epochs().get(0).testAccuracy(), report.card().testAccuracy(), 1e-12);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("Epoch 1/1 - loss ")), lines.toString());
        assertTrue(lines.contains("Training on the CPU (device cpu was requested)"), lines.toString());
        assertTrue(Files.exists(temp.resolve("model").resolve("saved_model.pb")));
    }

    /**
     * A child started early takes the next job (no second child is forked), and one never given a job ends when its
     * build lets go of it.
     */
    @Test
    void aChildStartedEarlyTakesTheJobAndOneNeverUsedEnds() throws Exception {
        Path data = temp.resolve("data");
        IdxWriter.writeDataset(data, TinyTraining.DATA.train(), TinyTraining.DATA.test(), false);
        List<String> lines = new ArrayList<>();
        BuildLog log = new ListLog(lines, debug -> debug.startsWith("Forking"));
        try (ChildJvm child = new ChildJvm(thisClasspath(), temp.resolve("work"))) {
            child.startEarly(Device.CPU, log);
            RunReport report = child.train(oneEpoch(data, temp.resolve("model")), log);
            assertEquals(1, report.epochs().size());
        }
        assertEquals(1, lines.stream().filter(l -> l.startsWith("Forking")).count(), lines.toString());

        Set<Long> before = children();
        ChildJvm unused = new ChildJvm(thisClasspath(), temp.resolve("unused"));
        unused.startEarly(Device.CPU, log);
        List<ProcessHandle> started = ProcessHandle.current()
                .children()
                .filter(p -> !before.contains(p.pid()))
                .toList();
        assertEquals(1, started.size(), "one child started early");
        unused.close();
        started.get(0).onExit().get(60, TimeUnit.SECONDS);
    }

    private static Set<Long> children() {
        return ProcessHandle.current().children().map(ProcessHandle::pid).collect(Collectors.toSet());
    }

    /** The first child writes its class-data-sharing archive as it ends; the next maps it and trains the same. */
    @Test
    void aSecondChildStartsFromTheArchiveTheFirstWrote() throws IOException {
        Path data = temp.resolve("data");
        IdxWriter.writeDataset(data, TinyTraining.DATA.train(), TinyTraining.DATA.test(), false);
        ChildJvm.Settings plain = thisClasspath();
        Path cds = temp.resolve("cds");
        // the JDK archives classes from jars only: the build's class directories go into jars first
        List<Path> jars = new ArrayList<>();
        for (Path entry : plain.classpath()) {
            jars.add(Files.isDirectory(entry) ? jar(entry, temp.resolve("jars").resolve(jars.size() + ".jar")) : entry);
        }
        ChildJvm.Settings sharing =
                new ChildJvm.Settings(plain.java(), jars, plain.jvmArguments(), plain.environment(), cds);
        List<Double> accuracies = new ArrayList<>();
        List<Object> archiveTimes = new ArrayList<>();
        for (int run = 0; run < 2; run++) {
            List<String> lines = new ArrayList<>();
            accuracies.add(new ChildJvm(sharing, temp.resolve("work" + run))
                    .train(oneEpoch(data, temp.resolve("model" + run)), new ListLog(lines))
                    .card()
                    .testAccuracy());
            try (var files = Files.list(cds)) {
                List<String> names = files.map(p -> p.getFileName().toString()).toList();
                assertEquals(1, names.size(), names.toString());
                assertTrue(names.get(0).endsWith(".jsa"), names.toString());
            }
            try (var files = Files.list(cds)) {
                archiveTimes.add(Files.getLastModifiedTime(files.findFirst().orElseThrow()));
            }
            assertTrue(lines.stream().noneMatch(l -> l.contains("cds") || l.contains("shared")), lines.toString());
        }
        assertEquals(accuracies.get(0), accuracies.get(1));
        assertEquals(archiveTimes.get(0), archiveTimes.get(1), "the second child used the archive, not wrote one");
    }

    @Test
    void theChildsErrorsComeBackAsTheSameKind() {
        Path missing = temp.resolve("no-data");
        InvalidDatasetException e = assertThrows(
                InvalidDatasetException.class,
                () -> new ChildJvm(thisClasspath(), temp.resolve("work"))
                        .train(
                                new Job.Train(
                                        missing,
                                        TinyTraining.CONFIG,
                                        temp.resolve("model"),
                                        null,
                                        temp.resolve("work").resolve("checkpoint"),
                                        null,
                                        Checks.none(),
                                        new Gates(0.0, 1.0),
                                        export(),
                                        DatasetBudget.DEFAULT_MAX_BYTES),
                                new ListLog(new ArrayList<>())));
        assertEquals(missing.toString(), e.input());
        assertTrue(e.getMessage().startsWith(missing + ": does not exist. "), e.getMessage());
    }

    @Test
    void progressWithinAnEpochArrivesApartFromTheLogLines() throws IOException {
        Path data = temp.resolve("data");
        IdxWriter.writeDataset(data, TinyTraining.DATA.train(), TinyTraining.DATA.test(), false);
        List<String> lines = new ArrayList<>();
        new ChildJvm(thisClasspath(), temp.resolve("work"))
                .train(
                        new Job.Train(
                                data,
                                TinyTraining.CONFIG.toBuilder()
                                        .epochs(2)
                                        .batchSize(1)
                                        .build(),
                                temp.resolve("model"),
                                null,
                                temp.resolve("work").resolve("checkpoint"),
                                null,
                                Checks.none(),
                                new Gates(0.0, 1.0),
                                export(),
                                DatasetBudget.DEFAULT_MAX_BYTES),
                        new ListLog(lines));
        assertTrue(
                lines.stream().anyMatch(l -> l.matches("PROGRESS Epoch 1/2 - step \\d+/1200 - loss .*")),
                lines.toString());
        assertEquals(2, lines.stream().filter(l -> l.startsWith("Epoch ")).count());
        assertTrue(lines.stream().noneMatch(l -> l.contains("@@lenet")), lines.toString());
    }
}
