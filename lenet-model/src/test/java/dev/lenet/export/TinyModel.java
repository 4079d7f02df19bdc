package dev.lenet.export;

import dev.lenet.contract.ModelArtifact;
import dev.lenet.training.TinyTraining;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** The tiny trained model as the export tests need it: its card, and a SavedModel written with it. */
final class TinyModel {
    private TinyModel() {}

    static ModelCard card() {
        return ModelCard.of(
                TinyTraining.CONFIG,
                null,
                TinyTraining.trained().test().evaluation(),
                TinyTraining.trained().epochs(),
                TinyTraining.trained().stop(),
                TinyTraining.DATA,
                "cpu");
    }

    /** Writes the SavedModel with its card (JSON and Markdown) and {@code extraFiles} into {@code savedModel}. */
    static Path export(Path savedModel, Map<String, byte[]> extraFiles) {
        ModelCard card = card();
        Map<String, byte[]> files = new HashMap<>(extraFiles);
        files.putIfAbsent(ModelArtifact.CARD_JSON, card.toJson().getBytes(StandardCharsets.UTF_8));
        files.putIfAbsent(ModelArtifact.CARD_MARKDOWN, card.toMarkdown().getBytes(StandardCharsets.UTF_8));
        SavedModelExport.write(TinyTraining.trained().weights(), true, savedModel, files);
        return savedModel;
    }
}
