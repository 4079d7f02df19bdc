package dev.lenet.inference;

import dev.lenet.contract.ModelSignature;
import java.util.Map;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.SessionFunction;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TUint8;

/** Runs a SavedModel with variables in a session that restores them; concurrent calls run independently. */
final class SessionRunner implements ModelRunner {
    private final SavedModelBundle bundle;
    private final SessionFunction serve;

    SessionRunner(ServingGraph graph) {
        SavedModelBundle loaded = SavedModelBundle.load(graph.savedModel().toString(), ModelSignature.TAG);
        try {
            this.serve = loaded.function(ModelSignature.SIGNATURE);
        } catch (RuntimeException e) {
            loaded.close();
            throw e;
        }
        this.bundle = loaded;
    }

    @Override
    public void probabilities(byte[] pixels, int count, float[] into) {
        try (TUint8 images = TUint8.tensorOf(
                        Shape.of(count, ModelSignature.ROWS, ModelSignature.COLUMNS),
                        DataBuffers.of(pixels, true, false));
                Result result = serve.call(Map.of(ModelSignature.IMAGE, images))) {
            ((TFloat32) result.get(ModelSignature.PROBABILITIES).orElseThrow())
                    .copyTo(DataBuffers.of(into, false, false));
        }
    }

    @Override
    public void close() {
        bundle.close();
    }
}
