package dev.lenet.goal;

import dev.lenet.contract.Causes;
import dev.lenet.contract.ModelArtifact;
import dev.lenet.data.Dataset;
import dev.lenet.export.ModelCard;
import dev.lenet.export.ModelPackage;
import dev.lenet.export.Versions;
import dev.lenet.pipeline.Baseline;
import dev.lenet.training.Hyperparameter;
import dev.lenet.training.Hyperparameters;
import dev.lenet.training.Stopping;
import dev.lenet.training.TrainingConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Decides whether an earlier model artifact still answers this build: it must be intact (every file its index names,
 * every entry's checksum right) and its card must record the same dataset hashes, configuration, versions and
 * timestamp. Reads no TensorFlow.
 */
final class UpToDateCheck {
    /** An intact earlier model and what changed since (empty: nothing). */
    record Verdict(ModelCard card, List<String> changes) {
        boolean upToDate() {
            return card != null && changes.isEmpty();
        }
    }

    private UpToDateCheck() {}

    /** @param dataset read only when there is an intact earlier model to compare with */
    static Verdict check(
            Path artifact, Supplier<Dataset> dataset, TrainingConfig config, Instant timestamp, Baseline baseline) {
        if (!Files.isRegularFile(artifact)) {
            return new Verdict(null, List.of("no earlier model at " + artifact));
        }
        ModelCard card;
        try {
            card = readIntact(artifact, timestamp);
        } catch (IOException | RuntimeException e) {
            return new Verdict(
                    null, List.of("the earlier model " + artifact + " is not intact (" + Causes.describe(e) + ")"));
        }
        List<String> changes = new ArrayList<>();
        ModelCard.DatasetDigest before = card.dataset();
        Dataset data = dataset.get();
        ModelCard.DatasetDigest now = ModelCard.DatasetDigest.of(data);
        compare(changes, "classes", String.valueOf(card.classes()), String.valueOf(data.classes()));
        compare(changes, "train images SHA-256", before.trainImagesSha256(), now.trainImagesSha256());
        compare(changes, "train labels SHA-256", before.trainLabelsSha256(), now.trainLabelsSha256());
        compare(changes, "test images SHA-256", before.testImagesSha256(), now.testImagesSha256());
        compare(changes, "test labels SHA-256", before.testLabelsSha256(), now.testLabelsSha256());
        Map<String, Object> recorded = config.recorded();
        for (Hyperparameter<?> h : Hyperparameters.ALL) {
            compare(
                    changes,
                    h.name(),
                    card.hyperparameters() == null
                            ? null
                            : textOf(card.hyperparameters().get(h.name())),
                    textOf(recorded.get(h.name())));
        }
        compare(changes, "TensorFlow version", card.tensorflowVersion(), Versions.tensorflow());
        compare(changes, "lenet version", card.lenetVersion(), Versions.lenet());
        compareStopping(changes, card.stopping(), config.stopping());
        compare(
                changes,
                "baseline",
                card.baseline() == null
                        ? null
                        : card.baseline().model() + " " + card.baseline().sha256(),
                baseline == null ? null : baseline.name() + " " + baseline.sha256());
        return new Verdict(card, changes);
    }

    /** The validation and early-stopping rules, and a time budget that cut the earlier model short. */
    private static void compareStopping(List<String> changes, ModelCard.Stopping before, Stopping now) {
        compare(
                changes,
                "validation and stopping rules",
                before == null
                        ? null
                        : List.of(before.validationSize(), before.monitor(), before.patience(), before.minDelta()),
                List.of(
                        now.validationSize(), now.monitor().text(),
                        now.patience(), now.minDelta()));
        if (before != null
                && before.cutByTimeBudget()
                && !sameOrSmallerBudget(before.maxTrainingTime(), now.maxTrainingTime())) {
            changes.add("the earlier model was cut short by its time budget of "
                    + before.maxTrainingTime()
                    + ", and this build allows "
                    + (now.maxTrainingTime() == null ? "no budget" : "a larger one (" + now.maxTrainingTime() + ")"));
        }
    }

    /** A model cut by a budget is as good as this build would make only when this build's budget is no larger. */
    private static boolean sameOrSmallerBudget(String recorded, Duration now) {
        return now != null && recorded != null && now.compareTo(Duration.parse(recorded)) <= 0;
    }

    /** JSON reads 42 back as an int where the card wrote a long: values are compared as the card prints them. */
    private static String textOf(Object value) {
        return value == null ? null : String.valueOf(value);
    }

    private static void compare(List<String> changes, String what, Object before, Object now) {
        if (!Objects.equals(before, now)) {
            changes.add(what + " changed from " + before + " to " + now);
        }
    }

    /** Reads every entry (so a corrupt or truncated jar fails its CRC check) and returns the card. */
    private static ModelCard readIntact(Path artifact, Instant timestamp) throws IOException {
        try (ZipFile zip = new ZipFile(artifact.toFile())) {
            ZipEntry index = zip.getEntry(ModelArtifact.INDEX);
            if (index == null) {
                throw new IOException("no " + ModelArtifact.INDEX);
            }
            String names;
            try (InputStream in = zip.getInputStream(index)) {
                names = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (names.lines().noneMatch(ModelArtifact.ML_BOM::equals)) {
                throw new IOException("it has no " + ModelArtifact.ML_BOM + " (made by an earlier plugin version)");
            }
            for (String name : names.lines().filter(l -> !l.isBlank()).toList()) {
                ZipEntry entry = zip.getEntry(ModelArtifact.ROOT + name);
                if (entry == null) {
                    throw new IOException("missing " + name);
                }
                try (InputStream in = zip.getInputStream(entry)) {
                    // reading to the end is what makes ZipFile check the entry's CRC
                    in.transferTo(OutputStream.nullOutputStream());
                }
                if (!sameZipTime(entry, timestamp)) {
                    throw new IOException("packaged with another outputTimestamp");
                }
            }
            try (InputStream in = zip.getInputStream(zip.getEntry(ModelArtifact.ROOT + ModelArtifact.CARD_JSON))) {
                return ModelCard.fromJson(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
    }

    /** The zip format keeps a local time in 2-second steps; {@link ModelPackage} writes the timestamp's UTC time. */
    private static boolean sameZipTime(ZipEntry entry, Instant timestamp) {
        LocalDateTime written =
                LocalDateTime.ofInstant(timestamp, ZoneOffset.UTC).withNano(0);
        return entry.getTimeLocal().withNano(0).equals(written.withSecond(written.getSecond() / 2 * 2));
    }
}
