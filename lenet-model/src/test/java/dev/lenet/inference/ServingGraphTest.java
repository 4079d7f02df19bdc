package dev.lenet.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lenet.contract.ModelException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.MetaGraphDef;
import org.tensorflow.proto.NodeDef;
import org.tensorflow.proto.SavedModel;
import org.tensorflow.proto.SignatureDef;
import org.tensorflow.proto.TensorInfo;
import org.tensorflow.proto.TensorShapeProto;

/** Reading saved_model.pb: the serving graph found, or an error naming the file and what is missing. */
class ServingGraphTest {
    @TempDir
    Path temp;

    private Path write(SavedModel model) throws IOException {
        Files.write(temp.resolve("saved_model.pb"), model.toByteArray());
        return temp;
    }

    private static MetaGraphDef.Builder metaGraph(String tag, String signatureKey, String... nodeOps) {
        GraphDef.Builder graph = GraphDef.newBuilder();
        for (int i = 0; i < nodeOps.length; i++) {
            graph.addNode(NodeDef.newBuilder().setName("n" + i).setOp(nodeOps[i]));
        }
        TensorShapeProto probabilities = TensorShapeProto.newBuilder()
                .addDim(TensorShapeProto.Dim.newBuilder().setSize(-1))
                .addDim(TensorShapeProto.Dim.newBuilder().setSize(4))
                .build();
        SignatureDef signature = SignatureDef.newBuilder()
                .putInputs("image", TensorInfo.newBuilder().setName("image:0").build())
                .putOutputs(
                        "probabilities",
                        TensorInfo.newBuilder()
                                .setName("probabilities:0")
                                .setTensorShape(probabilities)
                                .build())
                .build();
        MetaGraphDef.Builder meta =
                MetaGraphDef.newBuilder().setGraphDef(graph).putSignatureDef(signatureKey, signature);
        meta.getMetaInfoDefBuilder().addTags(tag);
        return meta;
    }

    @Test
    void findsTheServingGraphItsClassesAndWhetherItIsFrozen() throws IOException {
        Path frozen = write(SavedModel.newBuilder()
                .addMetaGraphs(metaGraph("train", "serving_default", "VariableV2"))
                .addMetaGraphs(metaGraph("serve", "serving_default", "Placeholder", "Const", "Softmax"))
                .build());
        ServingGraph graph = ServingGraph.read(frozen);
        assertEquals(4, graph.classes());
        assertTrue(graph.frozen());

        ServingGraph withVariables = ServingGraph.read(write(SavedModel.newBuilder()
                .addMetaGraphs(metaGraph("serve", "serving_default", "Placeholder", "VarHandleOp"))
                .build()));
        assertFalse(withVariables.frozen());
    }

    @Test
    void aFileThatIsNoSavedModelIsNamedAndItsCauseKept() throws IOException {
        Files.writeString(temp.resolve("saved_model.pb"), "not a protocol buffer at all");
        ModelException e = assertThrows(ModelException.class, () -> ServingGraph.read(temp));
        assertTrue(
                e.getMessage().startsWith(temp.resolve("saved_model.pb") + ": cannot be read as a SavedModel ("),
                e.getMessage());
        assertInstanceOf(IOException.class, e.getCause());
    }

    @Test
    void aModelWithoutAServingGraphSaysWhatIsMissing() throws IOException {
        assertEquals(
                temp.resolve("saved_model.pb")
                        + ": has no meta graph tagged 'serve'; export the model for serving with that tag",
                errorReading(metaGraph("train", "serving_default")));
        assertEquals(
                temp.resolve("saved_model.pb")
                        + ": has no signature 'serving_default' from 'image' to 'probabilities' (signatures: [predict])",
                errorReading(metaGraph("serve", "predict")));
    }

    /** The message ServingGraph.read gives for a SavedModel of this one meta graph. */
    private String errorReading(MetaGraphDef.Builder metaGraph) throws IOException {
        write(SavedModel.newBuilder().addMetaGraphs(metaGraph).build());
        return assertThrows(ModelException.class, () -> ServingGraph.read(temp)).getMessage();
    }
}
