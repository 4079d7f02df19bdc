package dev.lenet.goal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnx.proto.OnnxMl;
import dev.lenet.Slow;
import dev.lenet.contract.ModelArtifact;
import dev.lenet.contract.ModelSignature;
import dev.lenet.contract.Prediction;
import dev.lenet.data.DatasetOptions;
import dev.lenet.data.ImageConversion;
import dev.lenet.data.SyntheticShapes;
import dev.lenet.evaluation.Gates;
import dev.lenet.export.ModelPackage;
import dev.lenet.inference.LeNetClassifier;
import dev.lenet.log.ListLog;
import dev.lenet.training.TinyTraining;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Three named classes from class folders of colour pictures, through training, gate, artifact and consumers. */
@Slow
class NamedClassesTest {
    @TempDir
    Path temp;

    @Test
    void theNamesReachTheCardTheMetricsTheReportTheOnnxModelAndTheConsumer() throws IOException {
        Path shapes = temp.resolve("shapes");
        SyntheticShapes.writeDataset(shapes, 60, 20, 3);
        Path out = temp.resolve("out");
        List<String> log = new ArrayList<>();
        TrainGoal.Request request = new TrainGoal.Request(
                shapes,
                temp.resolve("cache"),
                List.of(),
                TinyTraining.CONFIG.toBuilder().epochs(10).batchSize(20).build(),
                new Gates(0.8, 1.0),
                out,
                out.resolve("model.jar"),
                Instant.parse("2026-01-01T00:00:00Z"),
                null,
                false,
                null,
                null,
                null,
                null,
                new DatasetOptions(List.of(), 0.2, true, 42));
        TrainGoal.Result result = TrainGoal.run(request, new ListLog(log));

        assertEquals(SyntheticShapes.CLASSES, result.card().classes());
        assertEquals(3, result.card().confusionMatrix().length);
        assertEquals(3, result.card().perClassAccuracy().length);
        assertEquals(60, result.card().testImages());
        assertTrue(
                result.card().testAccuracy() >= 0.8,
                "gate passed: " + result.card().testAccuracy());
        String metrics = Files.readString(out.resolve("metrics.json"));
        assertTrue(metrics.contains("\"classes\" : [ \"circle\", \"cross\", \"square\" ]"), metrics);
        String report = Files.readString(out.resolve("report.html"));
        assertTrue(report.contains("<th>circle</th><th>cross</th><th>square</th>"), "confusion and per-class headers");
        String markdown = new String(ModelPackage.entry(out.resolve("model.jar"), ModelArtifact.CARD_MARKDOWN));
        assertTrue(markdown.contains("| cross |"), markdown);

        OnnxMl.ModelProto onnx =
                OnnxMl.ModelProto.parseFrom(ModelPackage.entry(out.resolve("model.jar"), ModelArtifact.ONNX));
        Map<String, String> metadata = onnx.getMetadataPropsList().stream()
                .collect(Collectors.toMap(
                        OnnxMl.StringStringEntryProto::getKey, OnnxMl.StringStringEntryProto::getValue));
        assertEquals("3", metadata.get(ModelSignature.ONNX_CLASS_COUNT));
        assertEquals("square", metadata.get(ModelSignature.ONNX_CLASS_NAME + 2));

        byte[] cross = ImageConversion.read(shapes.resolve("test/cross/0000.png"), true);
        try (LeNetClassifier model = LeNetClassifier.open(out.resolve("model.jar"))) {
            assertEquals(SyntheticShapes.CLASSES, model.classes());
            Prediction p = model.classify(cross);
            assertEquals(3, p.probabilities().length);
            assertEquals(model.classes().get(p.index()), p.label());
        }

        log.clear();
        assertEquals(false, TrainGoal.run(request, new ListLog(log)).trained(), "up to date: " + log);
        assertTrue(log.stream().anyMatch(l -> l.contains("converted earlier, same content")), log.toString());
    }
}
