package dev.lenet.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lenet.Slow;
import dev.lenet.data.Digits;
import dev.lenet.model.LeNet5;
import dev.lenet.training.TinyTraining;
import dev.lenet.training.TrainingResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Signature;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;
import org.tensorflow.types.TUint8;

@Slow
class SavedModelExportTest {
    @TempDir
    Path temp;

    @Test
    void exportLoadSameOutputs() {
        TrainingResult trained = TinyTraining.trained();
        Path model = temp.resolve("model");
        SavedModelExport.write(trained.weights(), TinyTraining.CONFIG.scaleInput(), model);

        Digits test = TinyTraining.DATA.test();
        try (SavedModelBundle bundle = SavedModelBundle.load(model.toString(), "serve");
                TUint8 images =
                        TUint8.tensorOf(Shape.of(test.count(), 28, 28), DataBuffers.of(test.images(), true, false));
                Result result = bundle.function("serving_default").call(Map.of(LeNet5.IMAGE, images))) {
            float[] probabilities = new float[test.count() * 10];
            ((TFloat32) result.get(LeNet5.PROBABILITIES).orElseThrow())
                    .copyTo(DataBuffers.of(probabilities, false, false));
            TInt64 classes = (TInt64) result.get(LeNet5.CLASS).orElseThrow();
            for (int i = 0; i < test.count(); i++) {
                for (int c = 0; c < 10; c++) {
                    assertEquals(
                            trained.test().probabilities()[i][c],
                            probabilities[i * 10 + c],
                            1e-6,
                            "image " + i + " class " + c);
                }
                assertEquals(trained.test().predicted()[i], classes.getLong(i), "image " + i);
            }
            assertArrayEquals(
                    new long[] {test.count(), 10},
                    result.get(LeNet5.LOGITS).orElseThrow().shape().asArray());
        }
    }

    @Test
    void theSignatureIsTheDocumentedOne() {
        Path model = temp.resolve("model");
        SavedModelExport.write(TinyTraining.trained().weights(), true, model);
        try (SavedModelBundle bundle = SavedModelBundle.load(model.toString(), "serve")) {
            Signature signature = bundle.function("serving_default").signature();
            assertEquals("tensorflow/serving/predict", signature.methodName());
            var input = signature.getInputs().get("image");
            assertEquals(org.tensorflow.proto.DataType.DT_UINT8, input.dataType);
            assertArrayEquals(new long[] {-1, 28, 28}, input.shape.asArray());
            assertEquals(
                    org.tensorflow.proto.DataType.DT_FLOAT,
                    signature.getOutputs().get("logits").dataType);
            assertArrayEquals(
                    new long[] {-1, 10},
                    signature.getOutputs().get("probabilities").shape.asArray());
            assertEquals(
                    org.tensorflow.proto.DataType.DT_INT64,
                    signature.getOutputs().get("class").dataType);
            assertArrayEquals(
                    new long[] {-1}, signature.getOutputs().get("class").shape.asArray());
        }
    }

    @Test
    void isLeanHoldingOnlyTheTenParameterTensors() throws IOException {
        Path model = temp.resolve("model");
        SavedModelExport.write(TinyTraining.trained().weights(), true, model);
        long variableBytes;
        try (Stream<Path> files = Files.list(model.resolve("variables"))) {
            variableBytes = files.filter(f -> f.getFileName().toString().startsWith("variables.data"))
                    .mapToLong(f -> f.toFile().length())
                    .sum();
        }
        assertTrue(variableBytes >= 61_706 * 4 && variableBytes < 300_000, "variables: " + variableBytes + " bytes");
        try (SavedModelBundle bundle = SavedModelBundle.load(model.toString(), "serve")) {
            List<org.tensorflow.GraphOperation> operations = new ArrayList<>();
            bundle.graph().operations().forEachRemaining(operations::add);
            long variables = operations.stream()
                    .filter(o -> o.type().startsWith("Variable"))
                    .count();
            long optimizerOrGradient = operations.stream()
                    .filter(o -> o.type().contains("Adam") || o.name().contains("gradients"))
                    .count();
            assertEquals(10, variables);
            assertEquals(0, optimizerOrGradient);
        }
    }

    @Test
    void replacesAnEarlierModelWholeAndLeavesNoStaging() throws IOException {
        Path model = temp.resolve("model");
        Files.createDirectories(model);
        Files.writeString(model.resolve("stale.txt"), "from an earlier run");
        SavedModelExport.write(TinyTraining.trained().weights(), true, model);
        assertTrue(Files.exists(model.resolve("saved_model.pb")));
        assertTrue(Files.notExists(model.resolve("stale.txt")));
        try (Stream<Path> siblings = Files.list(temp)) {
            assertEquals(1, siblings.count(), "only the model directory");
        }
    }

    @Test
    void theSameWeightsGiveTheSameBytes() throws IOException {
        SavedModelExport.write(TinyTraining.trained().weights(), true, temp.resolve("a"));
        SavedModelExport.write(TinyTraining.trained().weights(), true, temp.resolve("b"));
        for (String file :
                List.of("saved_model.pb", "variables/variables.index", "variables/variables.data-00000-of-00001")) {
            assertArrayEquals(
                    Files.readAllBytes(temp.resolve("a").resolve(file)),
                    Files.readAllBytes(temp.resolve("b").resolve(file)),
                    file);
        }
    }
}
