package dev.lenet.goal;

import dev.lenet.data.DatasetIdentity;
import dev.lenet.data.DatasetOptions;
import dev.lenet.data.DatasetPreparation;
import dev.lenet.data.DatasetReader;
import dev.lenet.evaluation.Checks;
import dev.lenet.log.BuildLog;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The further evaluation sets of a build, prepared as the training set is, and described for its build record. */
final class EvaluationSets {
    private EvaluationSets() {}

    /** The checks with each evaluation set converted where it is not IDX already (class folders, CSV, archives). */
    static Checks prepare(Checks checks, DatasetOptions options, Path cache, BuildLog log) {
        List<Checks.EvaluationSet> prepared = checks.evaluationSets().stream()
                .map(set -> {
                    Path path = DatasetPreparation.resolve(set.dataset(), options, cache, List.of(), null, log::info);
                    log.info("Evaluation set " + set.name() + ": " + path);
                    return new Checks.EvaluationSet(set.name(), path);
                })
                .toList();
        return new Checks(checks.robustness(), checks.robustnessSeed(), prepared);
    }

    /**
     * What the checks measure, by name, as the build record keeps it: the robustness seed, each set's data hashes.
     * A change of any of them changes the card, so the up-to-date check compares it.
     */
    static Map<String, String> describe(Checks checks, long maxDatasetBytes) {
        Map<String, String> described = new LinkedHashMap<>();
        described.put("robustness", checks.robustness() ? "seed " + checks.robustnessSeed() : "off");
        for (Checks.EvaluationSet set : checks.evaluationSets()) {
            DatasetIdentity data = DatasetReader.identity(set.dataset(), maxDatasetBytes);
            described.put(
                    "evaluation set " + set.name(),
                    data.classes() + " " + data.trainImagesSha256() + " "
                            + data.trainLabelsSha256() + " " + data.testImagesSha256() + " "
                            + data.testLabelsSha256());
        }
        return described;
    }
}
