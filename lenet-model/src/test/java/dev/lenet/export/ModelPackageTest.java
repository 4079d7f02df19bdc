package dev.lenet.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lenet.Slow;
import dev.lenet.contract.ModelArtifact;
import dev.lenet.contract.ModelException;
import dev.lenet.contract.Prediction;
import dev.lenet.data.LabeledImages;
import dev.lenet.evaluation.Gates;
import dev.lenet.evaluation.Verdict;
import dev.lenet.inference.LeNetClassifier;
import dev.lenet.pipeline.TrainingPipeline;
import dev.lenet.training.TinyTraining;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Slow
class ModelPackageTest {
    private static final Instant TIME = Instant.parse("2026-01-01T00:00:00Z");

    @TempDir
    static Path shared;

    static Path savedModel;

    @BeforeAll
    static void exportWithCard() throws IOException {
        savedModel = TinyModel.export(shared.resolve("saved-model"), Map.of());
    }

    @Test
    void theSameModelGivesTheSameBytes(@TempDir Path temp) throws IOException {
        Path a = temp.resolve("a.jar");
        Path b = temp.resolve("b.jar");
        ModelPackage.write(savedModel, a, TIME);
        ModelPackage.write(savedModel, b, TIME);
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
        try (ZipFile zip = new ZipFile(a.toFile())) {
            List<String> names = zip.stream().map(ZipEntry::getName).toList();
            List<String> sorted = new ArrayList<>(names);
            java.util.Collections.sort(sorted);
            assertEquals(sorted, names, "entries sorted");
            assertTrue(names.contains("lenet-model/saved_model.pb"));
            assertTrue(names.contains("lenet-model/model-card.json"));
            assertTrue(names.stream().noneMatch(n -> n.contains("variables")), "frozen: no variables " + names);
            zip.stream().forEach(e -> assertEquals(TIME, e.getLastModifiedTime().toInstant(), e.getName()));
        }
    }

    @Test
    void opensFromTheJarAndFromTheClasspathWithTheSameAnswers(@TempDir Path temp) throws IOException {
        Path jar = temp.resolve("model.jar");
        ModelPackage.write(savedModel, jar, TIME);
        LabeledImages test = TinyTraining.DATA.test();
        List<byte[]> images = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            images.add(test.image(i));
        }
        List<Prediction> fromJar;
        List<Prediction> fromClasspath;
        try (LeNetClassifier model = LeNetClassifier.open(jar)) {
            fromJar = model.classifyAll(images);
            assertEquals(
                    TinyTraining.trained().test().evaluation().accuracy(),
                    model.card().testAccuracy(),
                    1e-12);
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null);
                LeNetClassifier model = LeNetClassifier.fromClasspath(loader)) {
            fromClasspath = model.classifyAll(images);
        }
        for (int i = 0; i < 20; i++) {
            assertEquals(
                    TinyTraining.trained().test().predicted()[i], fromJar.get(i).index());
            assertArrayEquals(
                    fromJar.get(i).probabilities(), fromClasspath.get(i).probabilities());
        }
    }

    @Test
    void refusesAnEntryThatWouldLandOutsideItsDirectory(@TempDir Path temp) throws IOException {
        Path evil = temp.resolve("evil.jar");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(evil))) {
            zip.putNextEntry(new ZipEntry("lenet-model/../../escaped.txt"));
            zip.write("gotcha".getBytes());
            zip.closeEntry();
        }
        ModelException e = assertThrows(ModelException.class, () -> LeNetClassifier.open(evil));
        assertEquals(
                evil + ": entry 'lenet-model/../../escaped.txt' would be written outside the directory it is"
                        + " unpacked to. Refusing a crafted archive; use the artifact lenet:train attached",
                e.getMessage());
        assertTrue(Files.notExists(Path.of(System.getProperty("java.io.tmpdir")).resolve("escaped.txt")));
    }

    @Test
    void saysWhenNoModelIsOnTheClasspath() throws IOException {
        try (URLClassLoader empty = new URLClassLoader(new URL[0], null)) {
            ModelException e = assertThrows(ModelException.class, () -> LeNetClassifier.fromClasspath(empty));
            assertEquals(
                    "no LeNet model on the classpath (no lenet-model/files.txt). Add the model artifact as a"
                            + " dependency, e.g. <classifier>model</classifier>",
                    e.getMessage());
        }
    }

    @Test
    void theRunWritesTheModelAndTheExportCompletesItWithCardAndMlBom(@TempDir Path temp) throws IOException {
        Path data = temp.resolve("data");
        dev.lenet.data.IdxWriter.writeDataset(data, TinyTraining.DATA.train(), TinyTraining.DATA.test(), true);
        TrainingPipeline.Outcome outcome = TrainingPipeline.execute(
                data,
                TinyTraining.CONFIG.toBuilder().epochs(1).build(),
                temp.resolve("model"),
                null,
                dev.lenet.training.TrainingListener.NONE);
        Path model = temp.resolve("model");
        assertTrue(Files.isRegularFile(model.resolve(ModelArtifact.ONNX)));
        assertTrue(Files.notExists(model.resolve(ModelArtifact.CARD_JSON)), "the card waits for the gates");

        Path jar = temp.resolve("model.jar");
        Verdict verdict = new Gates(0.0, 1.0).judge(outcome.card().testAccuracy(), null);
        ModelExport.write(
                model,
                outcome.card(),
                verdict,
                new ModelExport.Target(
                        jar, temp.resolve("model-cyclonedx.json"), new MlBom.Coordinates("g", "a", "1", null), TIME));
        assertArrayEquals(
                Files.readAllBytes(temp.resolve("model-cyclonedx.json")),
                ModelPackage.entry(jar, ModelArtifact.ML_BOM));
        assertArrayEquals(
                Files.readAllBytes(model.resolve(ModelArtifact.CARD_MARKDOWN)),
                ModelPackage.entry(jar, ModelArtifact.CARD_MARKDOWN));
        ModelCard card = ModelCard.fromJson(Files.readString(model.resolve(ModelArtifact.CARD_JSON)));
        assertEquals(outcome.card().toJson(), new String(ModelPackage.entry(jar, ModelArtifact.CARD_JSON)));
        assertEquals(outcome.card().testAccuracy(), card.testAccuracy());
        assertEquals(61_706, card.parameters());
        assertEquals(outcome.dataset().train().imagesSha256(), card.dataset().trainImagesSha256());
        assertEquals(1, card.hyperparameters().get("epochs"));
        assertEquals(300, card.testImages());
        long[][] confusion = card.confusionMatrix();
        long diagonal = 0;
        for (int c = 0; c < 10; c++) {
            diagonal += confusion[c][c];
        }
        assertEquals(card.testCorrect(), diagonal);
    }
}
