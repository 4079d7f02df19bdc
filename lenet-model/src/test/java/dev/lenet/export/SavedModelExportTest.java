package dev.lenet.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lenet.Slow;
import dev.lenet.contract.ModelSignature;
import dev.lenet.data.LabeledImages;
import dev.lenet.model.LeNet5;
import dev.lenet.model.LeNetParameter;
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

        LabeledImages test = TinyTraining.DATA.test();
        try (SavedModelBundle bundle = SavedModelBundle.load(model.toString(), "serve");
                TUint8 images =
                        TUint8.tensorOf(Shape.of(test.count(), 28, 28), DataBuffers.of(test.images(), true, false));
                Result result = bundle.function("serving_default").call(Map.of(ModelSignature.IMAGE, images))) {
            float[] probabilities = new float[test.count() * 10];
            ((TFloat32) result.get(ModelSignature.PROBABILITIES).orElseThrow())
                    .copyTo(DataBuffers.of(probabilities, false, false));
            TInt64 classes = (TInt64) result.get(LeNet5.CLASS).orElseThrow();
            for (int i = 0; i < test.count(); i++) {
                for (int c = 0; c < 10; c++) {
                    assertEquals(
                            trained.test().probabilities()[i][c],
                            probabilities[i * 10 + c],
                            1e-5, // the frozen graph lets TensorFlow's optimizer rewrite the constant filters
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
    void isFrozenHoldingTheTenParameterTensorsAsConstants() throws IOException {
        Path model = temp.resolve("model");
        SavedModelExport.write(TinyTraining.trained().weights(), true, model);
        long graphBytes = Files.size(model.resolve("saved_model.pb"));
        assertTrue(graphBytes >= 61_706 * 4 && graphBytes < 300_000, "saved_model.pb: " + graphBytes + " bytes");
        try (SavedModelBundle bundle = SavedModelBundle.load(model.toString(), "serve")) {
            List<org.tensorflow.GraphOperation> operations = new ArrayList<>();
            bundle.graph().operations().forEachRemaining(operations::add);
            List<String> stateful = operations.stream()
                    .filter(o -> o.type().startsWith("Variable")
                            || o.type().startsWith("Assign")
                            || o.type().contains("Adam")
                            || o.name().contains("gradients")
                            || o.type().equals("SaveV2")
                            || o.type().equals("RestoreV2"))
                    .map(o -> o.name() + " " + o.type())
                    .toList();
            List<String> placeholders = operations.stream()
                    .filter(o -> o.type().equals("Placeholder"))
                    .map(org.tensorflow.GraphOperation::name)
                    .toList();
            assertEquals(List.of(), stateful);
            assertEquals(List.of(ModelSignature.IMAGE), placeholders);
            for (LeNetParameter p : LeNetParameter.all()) {
                assertEquals("Const", bundle.graph().operation(p.variableName()).type(), p.variableName());
            }
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
        assertArrayEquals(
                Files.readAllBytes(temp.resolve("a").resolve("saved_model.pb")),
                Files.readAllBytes(temp.resolve("b").resolve("saved_model.pb")));
    }
}
