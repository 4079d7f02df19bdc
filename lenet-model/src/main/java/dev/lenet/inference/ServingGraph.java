package dev.lenet.inference;

import dev.lenet.Causes;
import dev.lenet.LeNetException;
import dev.lenet.export.SavedModelExport;
import dev.lenet.model.LeNet5;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.tensorflow.proto.MetaGraphDef;
import org.tensorflow.proto.NodeDef;
import org.tensorflow.proto.SavedModel;
import org.tensorflow.proto.SignatureDef;
import org.tensorflow.proto.TensorInfo;

/** The serving meta graph and signature of a SavedModel directory, read from its saved_model.pb. */
record ServingGraph(Path savedModel, MetaGraphDef metaGraph, SignatureDef signature) {
    static final String FILE = "saved_model.pb";

    private static final Set<String> VARIABLE_OPS = Set.of("Variable", "VariableV2", "VarHandleOp");

    static ServingGraph read(Path savedModel) {
        Path file = savedModel.resolve(FILE);
        SavedModel model;
        try {
            model = SavedModel.parseFrom(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new LeNetException(file + ": cannot be read as a SavedModel (" + Causes.describe(e) + ")", e);
        }
        MetaGraphDef metaGraph = model.getMetaGraphsList().stream()
                .filter(m -> m.getMetaInfoDef().getTagsList().contains(SavedModelExport.TAG))
                .findFirst()
                .orElseThrow(() -> new LeNetException(file + ": has no meta graph tagged '" + SavedModelExport.TAG
                        + "'; export the model for serving with that tag"));
        SignatureDef signature = metaGraph.getSignatureDefMap().get(SavedModelExport.SIGNATURE);
        if (signature == null
                || !signature.getInputsMap().containsKey(LeNet5.IMAGE)
                || !signature.getOutputsMap().containsKey(LeNet5.PROBABILITIES)) {
            throw new LeNetException(file + ": has no signature '" + SavedModelExport.SIGNATURE + "' from '"
                    + LeNet5.IMAGE + "' to '" + LeNet5.PROBABILITIES + "' (signatures: "
                    + metaGraph.getSignatureDefMap().keySet() + ")");
        }
        return new ServingGraph(savedModel, metaGraph, signature);
    }

    /** True when the parameters are constants of the graph, as lenet:train exports them: nothing to restore. */
    boolean frozen() {
        return metaGraph.getGraphDef().getNodeList().stream()
                .map(NodeDef::getOp)
                .noneMatch(VARIABLE_OPS::contains);
    }

    /** The width of the probabilities output: the number of classes. */
    int classes() {
        TensorInfo probabilities = signature.getOutputsMap().get(LeNet5.PROBABILITIES);
        return (int) probabilities.getTensorShape().getDim(1).getSize();
    }
}
