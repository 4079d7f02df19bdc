package dev.lenet.inference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lenet.JavaProcess;
import dev.lenet.Slow;
import dev.lenet.contract.ModelSignature;
import dev.lenet.contract.Prediction;
import dev.lenet.export.SavedModelExport;
import dev.lenet.training.TinyTraining;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TUint8;

/** The two ways a SavedModel is run: lenet:train's frozen graph as a function, a graph with variables in a session. */
@Slow
class ModelRunnerTest {
    @TempDir
    Path temp;

    /**
     * A SavedModel as another tool would export it: parameters in variables, restored from variables/. A linear
     * classifier over three classes whose answer is known: the class is the image's brightest third of rows.
     */
    private Path savedModelWithVariables() {
        Path directory = temp.resolve("with-variables");
        try (Graph graph = new Graph();
                Session session = new Session(graph)) {
            Ops tf = Ops.create(graph);
            Placeholder<TUint8> image = tf.withName(ModelSignature.IMAGE)
                    .placeholder(TUint8.class, Placeholder.shape(Shape.of(-1, 28, 28)));
            float[][] weights = new float[784][3];
            for (int pixel = 0; pixel < 784; pixel++) {
                weights[pixel][Math.min(pixel / 28 / 10, 2)] = 0.01f;
            }
            Variable<TFloat32> w = tf.variable(tf.constant(weights));
            var flat = tf.reshape(tf.dtypes.cast(image, TFloat32.class), tf.constant(new long[] {-1, 784}));
            var probabilities = tf.withName(ModelSignature.PROBABILITIES).nn.softmax(tf.linalg.matMul(flat, w));
            session.initialize();
            return ServingExport.write(directory, session, image, probabilities);
        }
    }

    private static byte[] brightRows(int first, int last) {
        byte[] image = new byte[784];
        for (int row = first; row <= last; row++) {
            java.util.Arrays.fill(image, row * 28, row * 28 + 28, (byte) 255);
        }
        return image;
    }

    @Test
    void aGraphWithVariablesFromElsewhereIsRestoredInASession() {
        Path model = savedModelWithVariables();
        assertFalse(ServingGraph.read(model).frozen());
        try (LeNetClassifier classifier = LeNetClassifier.open(model)) {
            assertEquals(List.of("0", "1", "2"), classifier.classes());
            assertEquals(0, classifier.classify(brightRows(0, 9)).index());
            assertEquals(1, classifier.classify(brightRows(10, 19)).index());
            Prediction third = classifier.classify(brightRows(20, 27));
            assertEquals("2", third.label());
            float[] p = third.probabilities();
            // 8 rows of 28 pixels at 255, weighted 0.01: logits (0, 0, 571.2) - softmax all on the third
            assertArrayEquals(new float[] {0f, 0f, 1f}, p, 1e-6f);
        }
    }

    @Test
    void lenetTrainsExportIsFrozen() {
        Path model = temp.resolve("frozen");
        SavedModelExport.write(TinyTraining.trained().weights(), true, model);
        assertTrue(ServingGraph.read(model).frozen());
        assertEquals(10, ServingGraph.read(model).classes());
    }

    /** Runs ClassifyAndPrint on a model in a JVM of its own, as the example application runs; its whole output. */
    private static List<String> consumerOutput(Path model, Path temp) throws Exception {
        // TF_CPP_MIN_LOG_LEVEL 2 as the example's pom sets it: TensorFlow's own info lines obey it, absl's do not
        return JavaProcess.run(
                temp.resolve("output-" + model.getFileName() + ".txt"),
                "2",
                ClassifyAndPrint.class,
                List.of(model.toString()));
    }

    @Test
    void aConsumerOfLenetTrainsModelPrintsOnlyItsOwnLines() throws Exception {
        Path frozen = temp.resolve("frozen");
        SavedModelExport.write(TinyTraining.trained().weights(), true, frozen);
        List<String> lines = consumerOutput(frozen, temp);
        assertEquals(1, lines.size(), lines.toString());
        assertTrue(lines.get(0).startsWith("class "), lines.toString());
    }

    @Test
    void aSessionLogsThroughAbslWhateverTheLogLevelWhichIsWhyFrozenModelsAvoidOne() throws Exception {
        List<String> lines = consumerOutput(savedModelWithVariables(), temp);
        assertTrue(lines.stream().anyMatch(l -> l.contains("absl::InitializeLog")), lines.toString());
        assertEquals("class 0", lines.get(lines.size() - 1));
    }
}
