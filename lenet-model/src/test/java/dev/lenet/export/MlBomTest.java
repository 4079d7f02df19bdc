package dev.lenet.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lenet.Slow;
import dev.lenet.contract.ModelArtifact;
import dev.lenet.data.Sha256;
import dev.lenet.evaluation.Gates;
import dev.lenet.evaluation.Verdict;
import dev.lenet.training.TinyTraining;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.SortedMap;
import org.cyclonedx.model.Bom;
import org.cyclonedx.model.Component;
import org.cyclonedx.model.component.modelCard.PerformanceMetric;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Slow
class MlBomTest {
    private static final MlBom.Coordinates COORDINATES =
            new MlBom.Coordinates("com.acme", "digits-model", "1.4.0", "model");
    private static final Instant TIME = Instant.parse("2026-01-01T00:00:00Z");

    @TempDir
    static Path shared;

    static ModelCard card;
    static SortedMap<String, String> files;
    static Verdict gate;

    @BeforeAll
    static void exportAModel() {
        card = TinyModel.card();
        Path savedModel = TinyModel.export(shared.resolve("saved-model"), Map.of());
        files = Sha256.ofFiles(savedModel);
        gate = new Gates(0.5, 0.01).judge(card.testAccuracy(), null);
    }

    @Test
    void validatesAgainstTheCycloneDx16SchemaWithTheLibrarysOwnValidator() {
        byte[] json = MlBom.json(card, COORDINATES, files, gate, TIME);
        assertEquals(java.util.List.of(), MlBom.validate(json));
        String text = new String(json, StandardCharsets.UTF_8);
        assertTrue(text.contains("\"specVersion\" : \"1.6\""), text);
    }

    @Test
    void aBrokenBomFailsValidation() {
        String broken = new String(MlBom.json(card, COORDINATES, files, gate, TIME), StandardCharsets.UTF_8)
                .replace("\"machine-learning-model\"", "\"magic-model\"");
        assertFalse(MlBom.validate(broken.getBytes(StandardCharsets.UTF_8)).isEmpty());
    }

    @Test
    void namesTheModelItsFilesTheDatasetHashesAndTheAccuracy() {
        Bom bom = MlBom.parse(MlBom.json(card, COORDINATES, files, gate, TIME));
        Component model = bom.getMetadata().getComponent();
        assertEquals(Component.Type.MACHINE_LEARNING_MODEL, model.getType());
        assertEquals("pkg:maven/com.acme/digits-model@1.4.0?classifier=model&type=jar", model.getPurl());
        assertEquals("LeNet-5", model.getModelCard().getModelParameters().getModelArchitecture());
        assertTrue(model.getProperties().stream()
                .anyMatch(p -> p.getName().equals("lenet:file:saved_model.pb:sha256")
                        && p.getValue().equals(files.get("saved_model.pb"))));
        PerformanceMetric accuracy = model.getModelCard()
                .getQuantitativeAnalysis()
                .getPerformanceMetrics()
                .get(0);
        assertEquals("accuracy", accuracy.getType());
        assertEquals(String.format(java.util.Locale.ROOT, "%.4f", card.testAccuracy()), accuracy.getValue());
        assertEquals(
                11 + 1,
                model.getModelCard()
                        .getQuantitativeAnalysis()
                        .getPerformanceMetrics()
                        .size(),
                "overall, ten classes, the gate");
        String text = new String(MlBom.json(card, COORDINATES, files, gate, TIME), StandardCharsets.UTF_8);
        for (String sha : new String[] {
            card.dataset().trainImagesSha256(),
            card.dataset().trainLabelsSha256(),
            card.dataset().testImagesSha256(),
            card.dataset().testLabelsSha256()
        }) {
            assertTrue(text.contains(sha), "dataset hash " + sha);
        }
        assertTrue(bom.getComponents().stream()
                .anyMatch(c -> "tensorflow-core-api".equals(c.getName())
                        && card.tensorflowVersion().equals(c.getVersion())));
    }

    @Test
    void theSameInputsGiveTheSameBytes() {
        assertArrayEquals(
                MlBom.json(card, COORDINATES, files, gate, TIME), MlBom.json(card, COORDINATES, files, gate, TIME));
        String text = new String(MlBom.json(card, COORDINATES, files, gate, TIME), StandardCharsets.UTF_8);
        assertTrue(text.contains("\"timestamp\" : \"2026-01-01T00:00:00Z\""), text);
    }

    @Test
    void theConsumerApiReadsTheBomPackedWithTheModel(@TempDir Path temp) throws IOException {
        Path savedModel = temp.resolve("saved-model");
        SavedModelExport.write(
                TinyTraining.trained().weights(),
                true,
                savedModel,
                Map.of(
                        ModelArtifact.CARD_JSON, card.toJson().getBytes(StandardCharsets.UTF_8),
                        ModelArtifact.ML_BOM, MlBom.json(card, COORDINATES, files, gate, TIME)));
        Path jar = temp.resolve("model.jar");
        ModelPackage.write(savedModel, jar, TIME);
        try (dev.lenet.inference.LeNetClassifier model = dev.lenet.inference.LeNetClassifier.open(jar)) {
            assertEquals(
                    "digits-model",
                    MlBom.parse(model.mlBomJson().getBytes(StandardCharsets.UTF_8))
                            .getMetadata()
                            .getComponent()
                            .getName());
        }
    }
}
