package dev.lenet.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lenet.Slow;
import dev.lenet.contract.ModelArtifact;
import dev.lenet.contract.ModelException;
import dev.lenet.contract.Prediction;
import dev.lenet.data.LabeledImages;
import dev.lenet.inference.LeNetClassifier;
import dev.lenet.training.TinyTraining;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Slow
class LeNetClassifierTest {
    @TempDir
    static Path shared;

    static Path jar;

    @BeforeAll
    static void packageATrainedModel() throws IOException {
        Path savedModel = TinyModel.export(shared.resolve("saved-model"), Map.of());
        jar = shared.resolve("model.jar");
        ModelPackage.write(savedModel, jar, Instant.parse("2026-01-01T00:00:00Z"));
    }

    private static long unpackedDirectories() throws IOException {
        try (Stream<Path> entries = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return entries.filter(p -> p.getFileName().toString().startsWith("lenet-model-"))
                    .count();
        }
    }

    @Test
    void theUnpackedCopyIsGoneAsSoonAsTheModelIsLoaded() throws IOException {
        long before = unpackedDirectories();
        try (LeNetClassifier model = LeNetClassifier.open(jar)) {
            assertEquals(before, unpackedDirectories(), "no temporary directory while the model is open");
            assertEquals(
                    TinyTraining.trained().test().predicted()[0],
                    model.classify(TinyTraining.DATA.test().image(0)).index());
        }
        assertEquals(before, unpackedDirectories());
    }

    @Test
    void anUnreadableCardFailsTheOpenNamingTheFileAndLeavesNothingBehind(@TempDir Path temp) throws IOException {
        Path broken = temp.resolve("broken.jar");
        try (ZipFile in = new ZipFile(jar.toFile());
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(broken))) {
            for (ZipEntry entry : in.stream().toList()) {
                out.putNextEntry(new ZipEntry(entry.getName()));
                if (entry.getName().endsWith(ModelArtifact.CARD_JSON)) {
                    out.write("{ not json".getBytes());
                } else {
                    in.getInputStream(entry).transferTo(out);
                }
                out.closeEntry();
            }
        }
        long before = unpackedDirectories();
        ModelException e = assertThrows(ModelException.class, () -> LeNetClassifier.open(broken));
        assertEquals(
                broken + " model-card.json: not a LeNet model card (not JSON at character 2: a member name was"
                        + " expected)",
                e.getMessage());
        assertEquals(before, unpackedDirectories());
    }

    @Test
    @Timeout(120)
    void severalThreadsClassifyingAtOnceGetTheAnswersOfOne() throws Exception {
        LabeledImages test = TinyTraining.DATA.test();
        List<byte[]> images = new ArrayList<>();
        for (int i = 0; i < test.count(); i++) {
            images.add(test.image(i));
        }
        try (LeNetClassifier model = LeNetClassifier.open(jar)) {
            List<Prediction> alone = images.stream().map(model::classify).toList();
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<List<Prediction>>> results = new ArrayList<>();
                for (int t = 0; t < 8; t++) {
                    int offset = t;
                    results.add(pool.submit(() -> {
                        List<Prediction> one = new ArrayList<>(Collections.nCopies(images.size(), null));
                        for (int round = 0; round < 5; round++) {
                            for (int i = 0; i < images.size(); i++) {
                                int k = (i + offset * 7) % images.size();
                                one.set(k, model.classify(images.get(k)));
                            }
                        }
                        return one;
                    }));
                }
                for (Future<List<Prediction>> result : results) {
                    List<Prediction> concurrent = result.get(100, TimeUnit.SECONDS);
                    for (int i = 0; i < images.size(); i++) {
                        assertEquals(alone.get(i).index(), concurrent.get(i).index());
                        assertArrayEquals(
                                alone.get(i).probabilities(), concurrent.get(i).probabilities(), 1e-6f);
                    }
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void anArtifactThatUnpacksToMoreThanAnyModelIsRefused(@TempDir Path temp) throws IOException {
        Path bomb = temp.resolve("bomb.jar");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(bomb))) {
            out.putNextEntry(new ZipEntry("lenet-model/saved_model.pb"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 65; i++) {
                out.write(zeros);
            }
            out.closeEntry();
        }
        long before = unpackedDirectories();
        ModelException e = assertThrows(ModelException.class, () -> LeNetClassifier.open(bomb));
        assertEquals(
                bomb + ": unpacks to more than 64 MiB, more than any LeNet model. Refusing a crafted or damaged"
                        + " artifact; use the artifact lenet:train attached",
                e.getMessage());
        assertEquals(before, unpackedDirectories());
    }
}
