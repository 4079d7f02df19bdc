package dev.lenet.inference;

import dev.lenet.contract.Causes;
import dev.lenet.contract.ModelArtifact;
import dev.lenet.contract.ModelException;
import dev.lenet.contract.ModelSignature;
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
    /** A LeNet model's graph is a few hundred kilobytes: a larger file is no such model, and is not read. */
    static final long MAX_BYTES = 64L << 20;

    static ServingGraph read(Path savedModel) {
        return read(savedModel, savedModel.resolve(ModelArtifact.SAVED_MODEL).toString());
    }

    /** @param file how errors name the saved_model.pb (its path, or its place in a model artifact) */
    static ServingGraph read(Path savedModel, String file) {
        SavedModel model;
        try {
            long size = Files.size(savedModel.resolve(ModelArtifact.SAVED_MODEL));
            if (size > MAX_BYTES) {
                throw new ModelException(file + ": refused: " + size + " bytes, more than the " + MAX_BYTES
                        + " a LeNet model's graph could take. Load only models that lenet:train exported");
            }
            model = SavedModel.parseFrom(Files.readAllBytes(savedModel.resolve(ModelArtifact.SAVED_MODEL)));
        } catch (IOException e) {
            throw new ModelException(file + ": cannot be read as a SavedModel (" + Causes.describe(e) + ")", e);
        }
        MetaGraphDef metaGraph = model.getMetaGraphsList().stream()
                .filter(m -> m.getMetaInfoDef().getTagsList().contains(ModelSignature.TAG))
                .findFirst()
                .orElseThrow(() -> new ModelException(file + ": has no meta graph tagged '" + ModelSignature.TAG
                        + "'; export the model for serving with that tag"));
        SignatureDef signature = metaGraph.getSignatureDefMap().get(ModelSignature.SIGNATURE);
        if (signature == null
                || !signature.getInputsMap().containsKey(ModelSignature.IMAGE)
                || !signature.getOutputsMap().containsKey(ModelSignature.PROBABILITIES)) {
            throw new ModelException(file + ": has no signature '" + ModelSignature.SIGNATURE + "' from '"
                    + ModelSignature.IMAGE + "' to '" + ModelSignature.PROBABILITIES + "' (signatures: "
                    + metaGraph.getSignatureDefMap().keySet() + ")");
        }
        List<String> violations = GraphAllowList.violations(metaGraph.getGraphDef(), signature);
        if (!violations.isEmpty()) {
            throw new ModelException(file + ": refused, nothing of it was run: its graph holds what no LeNet model"
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
        TensorInfo probabilities = signature.getOutputsMap().get(ModelSignature.PROBABILITIES);
        return probabilities.getTensorShape().getDimCount() == 2
                ? (int) Math.min(
                        Integer.MAX_VALUE,
                        probabilities.getTensorShape().getDim(1).getSize())
                : -1;
    }
}
