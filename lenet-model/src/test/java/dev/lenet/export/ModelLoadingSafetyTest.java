package dev.lenet.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lenet.Slow;
import dev.lenet.contract.ModelArtifact;
import dev.lenet.contract.ModelException;
import dev.lenet.contract.ModelSignature;
import dev.lenet.inference.LeNetClassifier;
import dev.lenet.inference.ServingExport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.proto.FunctionDef;
import org.tensorflow.proto.NodeDef;
import org.tensorflow.proto.OpDef;
import org.tensorflow.proto.SavedModel;
import org.tensorflow.proto.TensorShapeProto;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TUint8;

/** Crafted models, as an attacker or a broken build would make them: refused before anything of them runs. */
@Slow
class ModelLoadingSafetyTest {
    @TempDir
    Path temp;

    /**
     * A three-class linear classifier with LeNet's signature, exported as another tool would; {@code extra} may add
     * nodes and return one that the probabilities must wait for.
     */
    private Path crafted(String name, java.util.function.Function<Ops, Op> extra) {
        Path directory = temp.resolve(name);
        try (Graph graph = new Graph();
                Session session = new Session(graph)) {
            Ops tf = Ops.create(graph);
            Placeholder<TUint8> image = tf.withName(ModelSignature.IMAGE)
                    .placeholder(TUint8.class, Placeholder.shape(Shape.of(-1, 28, 28)));
            Operand<TFloat32> flat =
                    tf.reshape(tf.dtypes.cast(image, TFloat32.class), tf.constant(new long[] {-1, 784}));
            Ops head = extra == null ? tf : tf.withControlDependencies(List.of(extra.apply(tf)));
            Operand<TFloat32> probabilities = head.withName(ModelSignature.PROBABILITIES)
                    .nn
                    .softmax(tf.linalg.matMul(flat, tf.constant(new float[784][3])));
            return ServingExport.write(directory, session, image, probabilities);
        }
    }

    private static SavedModel read(Path directory) throws IOException {
        return SavedModel.parseFrom(Files.readAllBytes(directory.resolve("saved_model.pb")));
    }

    private static void write(Path directory, SavedModel model) throws IOException {
        Files.write(directory.resolve("saved_model.pb"), model.toByteArray());
    }

    @Test
    void theCraftedBaseModelLoadsAndClassifies() throws IOException {
        try (LeNetClassifier model = LeNetClassifier.open(crafted("plain", null))) {
            assertEquals(List.of("0", "1", "2"), model.classes());
            assertEquals(3, model.classify(new byte[784]).probabilities().length);
        }
    }

    @Test
    void aModelThatWritesAFileIsRefusedAndNothingIsWritten() throws IOException {
        Path written = temp.resolve("written-by-the-model");
        Path model = crafted(
                "writes",
                tf -> tf.withName("exfiltrate").io.writeFile(tf.constant(written.toString()), tf.constant("pwned")));
        ModelException e = assertThrows(ModelException.class, () -> {
            try (LeNetClassifier classifier = LeNetClassifier.open(model)) {
                classifier.classify(new byte[784]);
            }
        });
        assertEquals(
                model.resolve("saved_model.pb") + ": refused, nothing of it was run: its graph holds what no LeNet"
                        + " model does: WriteFile (node 'exfiltrate'). TensorFlow runs a model's graph as a program;"
                        + " load only models that lenet:train exported (or made of the same operations)",
                e.getMessage());
        assertFalse(Files.exists(written), "the model ran");
    }

    @Test
    void anOpHiddenInTheFunctionLibraryIsFound() throws IOException {
        Path model = crafted("hidden", null);
        SavedModel plain = read(model);
        FunctionDef hidden = FunctionDef.newBuilder()
                .setSignature(OpDef.newBuilder().setName("innocent"))
                .addNodeDef(NodeDef.newBuilder().setName("read").setOp("ReadFile"))
                .build();
        SavedModel.Builder crafted = plain.toBuilder();
        crafted.getMetaGraphsBuilder(0).getGraphDefBuilder().getLibraryBuilder().addFunction(hidden);
        write(model, crafted.build());
        ModelException e = assertThrows(ModelException.class, () -> LeNetClassifier.open(model));
        assertTrue(
                e.getMessage()
                        .contains("its graph holds what no LeNet model does: ReadFile (node 'read' of function"
                                + " 'innocent')."),
                e.getMessage());
    }

    @Test
    void aCardNamingMoreClassesThanTheGraphHasIsRefused() throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode card = (ObjectNode) json.readTree(TinyModel.card().toJson());
        ((ArrayNode) card.get("classes")).add("ten").add("eleven");
        Path model = TinyModel.export(
                temp.resolve("card"),
                Map.of(ModelArtifact.CARD_JSON, json.writeValueAsString(card).getBytes(StandardCharsets.UTF_8)));
        ModelException e = assertThrows(ModelException.class, () -> LeNetClassifier.open(model));
        assertEquals(
                model + ": refused: model-card.json names 12 classes but the graph's probabilities output has 10."
                        + " The card belongs to another model; rebuild the artifact with lenet:train",
                e.getMessage());
    }

    @Test
    void anOutputWiderThanItsSignaturePromisesIsNotReadPastItsEnd() throws IOException {
        Path model = crafted("narrow-signature", null);
        SavedModel.Builder crafted = read(model).toBuilder();
        var outputs = crafted.getMetaGraphsBuilder(0).getSignatureDefOrThrow(ModelSignature.SIGNATURE).toBuilder();
        var probabilities = outputs.getOutputsOrThrow(ModelSignature.PROBABILITIES).toBuilder();
        probabilities.setTensorShape(TensorShapeProto.newBuilder()
                .addDim(TensorShapeProto.Dim.newBuilder().setSize(-1))
                .addDim(TensorShapeProto.Dim.newBuilder().setSize(40)));
        outputs.putOutputs(ModelSignature.PROBABILITIES, probabilities.build());
        crafted.getMetaGraphsBuilder(0).putSignatureDef(ModelSignature.SIGNATURE, outputs.build());
        write(model, crafted.build());
        try (LeNetClassifier classifier = LeNetClassifier.open(model)) {
            assertEquals(40, classifier.classes().size());
            ModelException e = assertThrows(ModelException.class, () -> classifier.classify(new byte[784]));
            assertEquals(
                    "the model's probabilities output holds 3 values for 1 images, not the 40 its signature promises:"
                            + " the model is not a LeNet classifier as lenet:train exports it",
                    e.getMessage());
        }
    }
}
