package dev.lenet.inference;

import dev.lenet.contract.ModelSignature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.tensorflow.Operand;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.SessionFunction;
import org.tensorflow.Signature;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TUint8;

/** Exports a test's graph with LeNet's serving signature, as another tool than lenet:train would. */
public final class ServingExport {
    private ServingExport() {}

    public static Path write(Path directory, Session session, Operand<TUint8> image, Operand<TFloat32> probabilities) {
        Signature signature = Signature.builder()
                .key(ModelSignature.SIGNATURE)
                .input(ModelSignature.IMAGE, image)
                .output(ModelSignature.PROBABILITIES, probabilities)
                .build();
        try {
            SavedModelBundle.exporter(directory.toString())
                    .withTags(ModelSignature.TAG)
                    .withFunction(SessionFunction.create(signature, session))
                    .export();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return directory;
    }
}
