package dev.lenet.goal;

import dev.lenet.contract.Causes;
import dev.lenet.contract.ModelArtifact;
import dev.lenet.data.DatasetIdentity;
import dev.lenet.data.Sha256;
import dev.lenet.export.ModelCard;
import dev.lenet.export.ModelPackage;
import dev.lenet.pipeline.Baseline;
import dev.lenet.training.Fingerprint;
import dev.lenet.training.TrainingConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Decides whether an earlier model artifact still answers this build: its {@link BuildRecord} must describe it (same
 * SHA-256) and record the same {@link Fingerprint}, timestamp and baseline. Reads no TensorFlow.
 */
final class UpToDateCheck {
    /** The earlier build's record, its model's card, and what changed since (empty: nothing). */
    record Decision(BuildRecord record, ModelCard card, List<String> changes) {
        boolean upToDate() {
            return record != null && changes.isEmpty();
        }
    }

    private UpToDateCheck() {}

    /**
     * @param dataset read only when there is an intact earlier model to compare with
     * @param checks what this build's further checks measure, as {@link EvaluationSets#describe} gives it
     */
    static Decision check(
            Path artifact,
            Path buildRecord,
            Supplier<DatasetIdentity> dataset,
            TrainingConfig config,
            Map<String, String> checks,
            Instant timestamp,
            Baseline baseline) {
        if (!Files.isRegularFile(artifact)) {
            return new Decision(null, null, List.of("no earlier model at " + artifact));
        }
        BuildRecord record;
        try {
            record = BuildRecord.read(buildRecord);
        } catch (IOException | RuntimeException e) {
            return new Decision(
                    null,
                    null,
                    List.of("the earlier model's build record " + buildRecord + " cannot be read (" + Causes.describe(e)
                            + ")"));
        }
        String sha256;
        try {
            sha256 = Sha256.of(artifact);
        } catch (IOException e) {
            return new Decision(
                    null,
                    null,
                    List.of("the earlier model " + artifact + " cannot be read (" + Causes.describe(e) + ")"));
        }
        if (!sha256.equals(record.artifactSha256())) {
            return new Decision(
                    null,
                    null,
                    List.of("the earlier model " + artifact + " is not intact (its SHA-256 is " + sha256
                            + ", its build record says " + record.artifactSha256() + ")"));
        }
        List<String> changes =
                new ArrayList<>(Fingerprint.of(config, dataset.get()).changesSince(record.fingerprint()));
        compare(changes, "outputTimestamp", record.timestamp(), timestamp.toString());
        compare(changes, "what is evaluated", record.checks(), checks);
        ModelCard card = card(artifact);
        budget(changes, card.stopping(), config.stopping().maxTrainingTime());
        var before = record.verdict().baseline();
        compare(
                changes,
                "baseline",
                before == null ? null : before.model() + " " + before.sha256(),
                baseline == null ? null : baseline.name() + " " + baseline.sha256());
        return new Decision(record, card, changes);
    }

    /** A model cut short by a time budget is as good as this build would make only when this build's is no larger. */
    private static void budget(List<String> changes, ModelCard.Stopping before, Duration now) {
        if (before == null || !before.cutByTimeBudget()) {
            return;
        }
        String recorded = before.maxTrainingTime();
        if (now == null || recorded == null || now.compareTo(Duration.parse(recorded)) > 0) {
            changes.add("the earlier model was cut short by its time budget of " + recorded + ", and this build allows "
                    + (now == null ? "no budget" : "a larger one (" + now + ")"));
        }
    }

    private static ModelCard card(Path artifact) {
        return ModelCard.fromJson(
                new String(ModelPackage.entry(artifact, ModelArtifact.CARD_JSON), StandardCharsets.UTF_8));
    }

    private static void compare(List<String> changes, String what, Object before, Object now) {
        if (!Objects.equals(before, now)) {
            changes.add(what + " changed from " + before + " to " + now);
        }
    }
}
