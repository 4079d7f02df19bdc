package dev.lenet.run;

import dev.lenet.data.DatasetReader;
import dev.lenet.data.MnistDataset;
import dev.lenet.export.ModelCard;
import dev.lenet.export.ModelPackage;
import dev.lenet.export.SavedModelExport;
import dev.lenet.training.Trainer;
import dev.lenet.training.TrainingConfig;
import dev.lenet.training.TrainingListener;
import dev.lenet.training.TrainingResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/** The whole path in one call: read and validate the data, train, evaluate, export the lean SavedModel with its card. */
public final class TrainingRun {
    private TrainingRun() {}

    /** What a run produced. */
    public record Outcome(ModelCard card, TrainingResult training, MnistDataset dataset, Path savedModel) {}

    public static Outcome execute(Path dataset, TrainingConfig config, Path savedModel, TrainingListener listener) {
        MnistDataset data = DatasetReader.read(dataset);
        TrainingResult result;
        try (Trainer trainer = new Trainer(config, data)) {
            result = trainer.train(listener);
        }
        ModelCard card = ModelCard.of(config, result.test().evaluation(), data, result.device().device());
        SavedModelExport.write(result.weights(), config.scaleInput(), savedModel, Map.of(
                ModelPackage.CARD_JSON, card.toJson().getBytes(StandardCharsets.UTF_8),
                ModelPackage.CARD_MARKDOWN, card.toMarkdown().getBytes(StandardCharsets.UTF_8)));
        return new Outcome(card, result, data, savedModel);
    }
}
