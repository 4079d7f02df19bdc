package dev.lenet.export;

import dev.lenet.LeNetException;
import dev.lenet.contract.Causes;
import dev.lenet.contract.ModelArtifact;
import dev.lenet.data.Sha256;
import dev.lenet.evaluation.Verdict;
import dev.lenet.files.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * The one place a trained model becomes what a build ships, in the JVM that trained it, once the gates have passed:
 * the card (JSON and Markdown) and the ML-BOM are written into the model's directory beside the SavedModel and the ONNX
 * model, the directory is packed into the model artifact, and the ML-BOM is put beside the artifact.
 */
public final class ModelExport {
    private ModelExport() {}

    /**
     * @param mlBom where the ML-BOM goes beside the artifact
     * @param timestamp the time the jar's entries carry and the ML-BOM records, ISO-8601 (a child JVM gets it as text)
     */
    public record Target(Path artifact, Path mlBom, MlBom.Coordinates coordinates, String timestamp) {
        public Target(Path artifact, Path mlBom, MlBom.Coordinates coordinates, Instant timestamp) {
            this(artifact, mlBom, coordinates, timestamp.toString());
        }

        public Instant time() {
            return Instant.parse(timestamp);
        }
    }

    /** @param savedModel the trained model's directory (SavedModel and ONNX), completed here with card and ML-BOM */
    public static void write(Path savedModel, ModelCard card, Verdict verdict, Target target) {
        writeFile(savedModel.resolve(ModelArtifact.CARD_JSON), card.toJson().getBytes(StandardCharsets.UTF_8));
        writeFile(
                savedModel.resolve(ModelArtifact.CARD_MARKDOWN),
                card.toMarkdown().getBytes(StandardCharsets.UTF_8));
        byte[] bom = MlBom.json(card, target.coordinates(), Sha256.ofFiles(savedModel), verdict, target.time());
        writeFile(savedModel.resolve(ModelArtifact.ML_BOM), bom);
        ModelPackage.write(savedModel, target.artifact(), target.time());
        writeFile(target.mlBom(), bom);
    }

    /** Puts the ML-BOM an artifact holds beside it again, as {@link #write} did: for an artifact that is up to date. */
    public static void restoreMlBom(Target target) {
        writeFile(target.mlBom(), ModelPackage.entry(target.artifact(), ModelArtifact.ML_BOM));
    }

    private static void writeFile(Path target, byte[] content) {
        try {
            AtomicFiles.write(target, partial -> Files.write(partial, content));
        } catch (IOException e) {
            throw new LeNetException(
                    "cannot write " + target + " (" + Causes.describe(e) + "). Check that the directory"
                            + " is writable and the disk has space",
                    e);
        }
    }
}
