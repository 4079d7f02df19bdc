package dev.lenet.export;

import dev.lenet.evaluation.Calibration;
import dev.lenet.evaluation.Robustness;
import dev.lenet.evaluation.SetResult;
import dev.lenet.training.Hyperparameter;
import dev.lenet.training.Hyperparameters;
import dev.lenet.training.LearningRateSchedule;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** A model card as Markdown ({@code model-card.md} in the artifact): what a person reads first. */
final class ModelCardMarkdown {
    /** Related settings share a row; a hyperparameter no row names gets one of its own, after these. */
    private static final List<List<Hyperparameter<?>>> ROWS = List.of(
            List.of(Hyperparameters.EPOCHS),
            List.of(Hyperparameters.BATCH_SIZE),
            List.of(Hyperparameters.LEARNING_RATE),
            List.of(Hyperparameters.LEARNING_RATE_SCHEDULE),
            List.of(Hyperparameters.WARMUP_FRACTION, Hyperparameters.FINAL_DIVISOR),
            List.of(Hyperparameters.AUGMENT),
            List.of(Hyperparameters.BETA1, Hyperparameters.BETA2, Hyperparameters.EPSILON),
            List.of(Hyperparameters.SEED),
            List.of(Hyperparameters.SCALE_INPUT),
            List.of(Hyperparameters.THREADS));

    private ModelCardMarkdown() {}

    private static String figure(Double value) {
        return value == null ? "-" : String.format(Locale.ROOT, "%.4f", value);
    }

    static String render(ModelCard card) {
        StringBuilder md = new StringBuilder();
        summary(md, card);
        hyperparameters(md, card);
        if (card.trainingLength() != null) {
            md.append("\nTraining length: ").append(card.trainingLength()).append(".\n");
        }
        history(md, card);
        classes(md, card);
        checks(md, card);
        datasetAndSignature(md, card);
        return md.toString();
    }

    private static void summary(StringBuilder md, ModelCard card) {
        md.append("# ").append(card.model()).append(" model card\n\n");
        md.append(String.format(
                Locale.ROOT,
                "Test accuracy: **%.4f** (%d of %d test images).%n%n",
                card.testAccuracy(),
                card.testCorrect(),
                card.testImages()));
        md.append(String.format(
                Locale.ROOT,
                "%d trainable parameters, trained on %d images on the %s with"
                        + " TensorFlow %s by lenet-maven-plugin %s.%n%n",
                card.parameters(),
                card.trainImages(),
                String.valueOf(card.device()).toUpperCase(Locale.ROOT),
                card.tensorflowVersion(),
                card.lenetVersion()));
    }

    private static void hyperparameters(StringBuilder md, ModelCard card) {
        md.append("## Hyperparameters\n\n| name | value |\n|---|---|\n");
        for (List<Hyperparameter<?>> row : hyperparameterRows()) {
            if (row.contains(Hyperparameters.WARMUP_FRACTION) && !oneCycle(card)) {
                continue;
            }
            md.append("| ")
                    .append(row.stream().map(Hyperparameter::name).collect(Collectors.joining(", ")))
                    .append(" | ")
                    .append(row.stream()
                            .map(h -> card.hyperparameters() == null
                                    ? "unknown"
                                    : String.valueOf(card.hyperparameters().get(h.name())))
                            .collect(Collectors.joining(", ")))
                    .append(" |\n");
        }
        md.append("\n");
    }

    private static void history(StringBuilder md, ModelCard card) {
        md.append("## Training history\n\n")
                .append(
                        card.stopping() == null
                                ? "not recorded"
                                : card.stopping().stopReason())
                .append(".\n\n")
                .append("| epoch | learning rate | loss | train accuracy | validation loss | validation accuracy |"
                        + " test accuracy |\n|---|---|---|---|---|---|---|\n");
        for (ModelCard.Epoch e : card.history()) {
            md.append(String.format(
                    Locale.ROOT,
                    "| %d | %.6f | %.4f | %.4f | %s | %s | %s |%n",
                    e.epoch(),
                    e.learningRate(),
                    e.loss(),
                    e.trainAccuracy(),
                    figure(e.validationLoss()),
                    figure(e.validationAccuracy()),
                    figure(e.testAccuracy())));
        }
        md.append('\n');
    }

    /** Per-class accuracy and the confusion matrix. */
    /** Calibration, robustness and the further evaluation sets, where they were measured. */
    private static void checks(StringBuilder md, ModelCard card) {
        if (card.calibration() != null) {
            md.append(String.format(
                    Locale.ROOT,
                    "%n## Calibration%n%nExpected calibration error %.4f over %d bins of confidence.%n",
                    card.calibration().expectedError(),
                    Calibration.BINS));
        }
        if (!card.robustness().isEmpty()) {
            md.append("\n## Robustness (test set, every image corrupted)\n\n| corruption | strength | accuracy |\n")
                    .append("|---|---|---|\n");
            for (Robustness.Result r : card.robustness()) {
                md.append(String.format(
                        Locale.ROOT, "| %s | %s | %.4f |%n", r.corruption(), cell(r.strength()), r.accuracy()));
            }
        }
        if (!card.evaluationSets().isEmpty()) {
            md.append("\n## Evaluation sets\n\n| set | images | accuracy |\n|---|---|---|\n");
            for (SetResult set : card.evaluationSets()) {
                md.append(String.format(
                        Locale.ROOT, "| %s | %d | %.4f |%n", cell(set.name()), set.total(), set.accuracy()));
            }
        }
    }

    private static void classes(StringBuilder md, ModelCard card) {
        md.append("## Per-class accuracy\n\n| class | accuracy |\n|---|---|\n");
        List<String> classes = card.classes();
        for (int c = 0; c < classes.size(); c++) {
            md.append(String.format(Locale.ROOT, "| %s | %.4f |%n", cell(classes.get(c)), card.perClassAccuracy()[c]));
        }
        md.append("\n## Confusion matrix (rows: true class, columns: predicted)\n\n|   |");
        for (String name : classes) {
            md.append(' ').append(cell(name)).append(" |");
        }
        md.append("\n|---|");
        md.append("---|".repeat(classes.size())).append('\n');
        for (int r = 0; r < classes.size(); r++) {
            md.append("| ").append(cell(classes.get(r))).append(" |");
            for (int c = 0; c < classes.size(); c++) {
                md.append(' ').append(card.confusionMatrix()[r][c]).append(" |");
            }
            md.append('\n');
        }
    }

    private static void datasetAndSignature(StringBuilder md, ModelCard card) {
        md.append("\n## Dataset (SHA-256 of the uncompressed IDX files)\n\n");
        md.append("- train images `").append(card.dataset().trainImagesSha256()).append("`\n");
        md.append("- train labels `").append(card.dataset().trainLabelsSha256()).append("`\n");
        md.append("- test images `").append(card.dataset().testImagesSha256()).append("`\n");
        md.append("- test labels `").append(card.dataset().testLabelsSha256()).append("`\n\n");
        md.append("## Signature\n\nTag `")
                .append(card.signature().tag())
                .append("`, key `")
                .append(card.signature().key())
                .append("`, method `")
                .append(card.signature().method())
                .append("`; input `")
                .append(card.signature().input())
                .append("`; outputs ")
                .append(String.join(
                        ", ",
                        java.util.Arrays.stream(card.signature().outputs())
                                .map(o -> "`" + o + "`")
                                .toList()))
                .append(".\n");
    }

    /** A class name as a Markdown table cell: a '|' would end the cell, a line break the row. */
    private static String cell(String name) {
        return name.replace("|", "\\|").replaceAll("\\s", " ");
    }

    private static List<List<Hyperparameter<?>>> hyperparameterRows() {
        List<List<Hyperparameter<?>>> rows = new ArrayList<>(ROWS);
        Hyperparameters.ALL.stream()
                .filter(h -> ROWS.stream().noneMatch(row -> row.contains(h)))
                .forEach(h -> rows.add(List.of(h)));
        return rows;
    }

    /** The warm-up and final divisor mean something under oneCycle only. */
    private static boolean oneCycle(ModelCard card) {
        return card.hyperparameters() != null
                && LearningRateSchedule.ONE_CYCLE
                        .text()
                        .equals(card.hyperparameters().get(Hyperparameters.LEARNING_RATE_SCHEDULE.name()));
    }
}
