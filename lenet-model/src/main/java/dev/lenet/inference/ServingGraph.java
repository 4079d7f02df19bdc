package dev.lenet.inference;

import dev.lenet.Causes;
import dev.lenet.LeNetException;
import dev.lenet.export.SavedModelExport;
import dev.lenet.model.LeNet5;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.tensorflow.proto.MetaGraphDef;
import org.tensorflow.proto.SavedModel;
import org.tensorflow.proto.SignatureDef;
import org.tensorflow.proto.TensorInfo;

/** The serving meta graph and signature of a SavedModel directory, read from its saved_model.pb. */
record ServingGraph(Path savedModel, MetaGraphDef metaGraph, SignatureDef signature) {
    static final String FILE = "saved_model.pb";

    /** A LeNet model's graph is a few hundred kilobytes: a larger file is no such model, and is not read. */
    static final long MAX_BYTES = 64L << 20;

    static ServingGraph read(Path savedModel) {
        return read(savedModel, savedModel.resolve(FILE).toString());
    }

    /** @param file how errors name the saved_model.pb (its path, or its place in a model artifact) */
    static ServingGraph read(Path savedModel, String file) {
        SavedModel model;
        try {
            long size = Files.size(savedModel.resolve(FILE));
            if (size > MAX_BYTES) {
                throw new LeNetException(file + ": refused: " + size + " bytes, more than the " + MAX_BYTES
                        + " a LeNet model's graph could take. Load only models that lenet:train exported");
            }
            model = SavedModel.parseFrom(Files.readAllBytes(savedModel.resolve(FILE)));
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
        List<String> violations = GraphAllowList.violations(metaGraph.getGraphDef(), signature);
        if (!violations.isEmpty()) {
            throw new LeNetException(file + ": refused, nothing of it was run: its graph holds what no LeNet model"
                    + " does: " + String.join(", ", violations) + ". TensorFlow runs a model's graph as a program;"
                    + " load only models that lenet:train exported (or made of the same operations)");
        }
        return new ServingGraph(savedModel, metaGraph, signature);
    }

    /** True when the parameters are constants of the graph, as lenet:train exports them: nothing to restore. */
    boolean frozen() {
        return !GraphAllowList.hasVariables(metaGraph.getGraphDef());
    }

    /** The width of the probabilities output (the number of classes); -1 when its shape is not [-1,K]. */
    int classes() {
        TensorInfo probabilities = signature.getOutputsMap().get(LeNet5.PROBABILITIES);
        return probabilities.getTensorShape().getDimCount() == 2
                ? (int) Math.min(
                        Integer.MAX_VALUE,
                        probabilities.getTensorShape().getDim(1).getSize())
                : -1;
    }
}
