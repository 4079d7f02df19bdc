package dev.lenet.export;

import com.google.protobuf.CodedOutputStream;
import dev.lenet.LeNetException;
import dev.lenet.contract.Causes;
import dev.lenet.contract.ModelSignature;
import dev.lenet.files.AtomicFiles;
import dev.lenet.model.LeNet5;
import dev.lenet.model.LeNetParameter;
import dev.lenet.training.TrainedWeights;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.Signature;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Constant;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.MetaGraphDef;
import org.tensorflow.proto.NodeDef;
import org.tensorflow.proto.SavedModel;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;
import org.tensorflow.types.TUint8;

/**
 * Writes trained weights as a frozen, inference-only SavedModel: a fresh graph with the forward pass and the ten
 * parameter tensors as constants, nothing of the optimizer or the gradients, no variables, no placeholder but
 * {@code image}. TensorFlow Java 1.1.0 can only save ref variables ({@code VariableV2}), which converters such as
 * TFLite's refuse; constants they take. Tag {@code serve}, signature {@code serving_default}.
 */
public final class SavedModelExport {
    private static final String SAVER_SCOPE = "save/";

    private SavedModelExport() {}

    /**
     * Exports to {@code target}, which must not exist yet or is replaced whole. The model is written beside it
     * and moved into place, so a failure never leaves half a model at {@code target}.
     */
    public static void write(TrainedWeights weights, boolean scaleInput, Path target) {
        write(weights, scaleInput, target, Map.of());
    }

    /** As {@link #write(TrainedWeights, boolean, Path)}, with extra files (such as the model card) put beside it. */
    public static void write(TrainedWeights weights, boolean scaleInput, Path target, Map<String, byte[]> extraFiles) {
        Path absolute = target.toAbsolutePath();
        try {
            AtomicFiles.deleteLeftovers(absolute);
            AtomicFiles.writeDirectory(absolute, model -> {
                exportTo(weights, scaleInput, model);
                for (Map.Entry<String, byte[]> file : extraFiles.entrySet()) {
                    Files.write(model.resolve(file.getKey()), file.getValue());
                }
            });
        } catch (IOException e) {
            throw new LeNetException(
                    "cannot write the SavedModel to " + absolute + " (" + Causes.describe(e) + "). Check that the"
                            + " directory is writable and the disk has space",
                    e);
        }
    }

    private static void exportTo(TrainedWeights weights, boolean scaleInput, Path directory) throws IOException {
        try (Graph graph = new Graph()) {
            Ops tf = Ops.create(graph);
            Placeholder<TUint8> image = tf.withName(ModelSignature.IMAGE)
                    .placeholder(
                            TUint8.class, Placeholder.shape(Shape.of(-1, ModelSignature.ROWS, ModelSignature.COLUMNS)));
            Map<LeNetParameter, Constant<TFloat32>> parameters = constants(tf, weights);
            Operand<TFloat32> logits = tf.withName(LeNet5.LOGITS)
                    .identity(LeNet5.forward(tf, image, parameters, scaleInput).logits());
            Operand<TFloat32> probabilities =
                    tf.withName(ModelSignature.PROBABILITIES).nn.softmax(logits);
            Operand<TInt64> predictedClass = tf.withName(LeNet5.CLASS).math.argMax(logits, tf.constant(1));
            try (Session session = new Session(graph)) {
                Signature signature = Signature.builder()
                        .key(ModelSignature.SIGNATURE)
                        .methodName(ModelSignature.METHOD)
                        .input(ModelSignature.IMAGE, image)
                        .output(LeNet5.LOGITS, logits)
                        .output(ModelSignature.PROBABILITIES, probabilities)
                        .output(LeNet5.CLASS, predictedClass)
                        .build();
                SavedModelBundle.exporter(directory.toString())
                        .withTags(ModelSignature.TAG)
                        .withSession(session)
                        .withSignature(signature)
                        .export();
            }
        }
        canonicalize(directory.resolve("saved_model.pb"));
    }

    /**
     * Rewrites saved_model.pb without the saver the exporter always adds (a {@code save/filename} placeholder and
     * no-op restore, with nothing to save), with the schema version TensorFlow for Python writes (1; Java leaves 0,
     * which Python warns about), and with protobuf's deterministic serialization: TensorFlow writes each
     * node's attribute map in hash order, which differs from run to run, and the same model must give the same bytes.
     */
    static void canonicalize(Path savedModelPb) throws IOException {
        SavedModel exported = SavedModel.parseFrom(Files.readAllBytes(savedModelPb));
        SavedModel.Builder frozen = exported.toBuilder().setSavedModelSchemaVersion(1);
        for (MetaGraphDef.Builder metaGraph : frozen.getMetaGraphsBuilderList()) {
            GraphDef.Builder graph = metaGraph.getGraphDefBuilder();
            List<NodeDef> kept = graph.getNodeList().stream()
                    .filter(node -> !node.getName().startsWith(SAVER_SCOPE))
                    .toList();
            graph.clearNode().addAllNode(kept);
            metaGraph.clearSaverDef();
        }
        SavedModel model = frozen.build();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CodedOutputStream out = CodedOutputStream.newInstance(bytes);
        out.useDeterministicSerialization();
        model.writeTo(out);
        out.flush();
        Files.write(savedModelPb, bytes.toByteArray());
    }

    private static Map<LeNetParameter, Constant<TFloat32>> constants(Ops tf, TrainedWeights weights) {
        Map<LeNetParameter, Constant<TFloat32>> constants = new EnumMap<>(LeNetParameter.class);
        for (LeNetParameter p : LeNetParameter.all()) {
            constants.put(
                    p,
                    tf.withName(p.variableName())
                            .constant(p.shape(weights.classes()), DataBuffers.of(weights.get(p), true, false)));
        }
        return constants;
    }
}
