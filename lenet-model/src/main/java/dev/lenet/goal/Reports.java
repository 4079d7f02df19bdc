package dev.lenet.goal;

import dev.lenet.LeNetException;
import dev.lenet.contract.Causes;
import dev.lenet.evaluation.Calibration;
import dev.lenet.evaluation.Checks;
import dev.lenet.evaluation.SetResult;
import dev.lenet.evaluation.Verdict;
import dev.lenet.export.ModelCard;
import dev.lenet.files.AtomicFiles;
import dev.lenet.log.BuildLog;
import dev.lenet.pipeline.RunReport;
import dev.lenet.report.HtmlReport;
import dev.lenet.report.Metrics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Collectors;

/** Writes what a reviewer of the build looks at: {@code metrics.json}, {@code report.html}, the TensorBoard directory. */
final class Reports {
    static final String METRICS = "metrics.json";
    static final String REPORT = "report.html";
    static final String TENSORBOARD = "tensorboard";

    private Reports() {}

    /**
     * Loads and builds, on a thread of its own, what reading the run's report and writing these files use, while the
     * model trains: done after training, cold, it took about 0.2 s of every build.
     */
    static void prepareInBackground() {
        Thread preparing = new Thread(
                () -> {
                    try {
                        RunReport.prepareReading();
                        Metrics.prepareWriting();
                        HtmlReport.prepare();
                    } catch (RuntimeException | Error e) {
                        // only a head start: the real reading and writing report their own errors
                    }
                },
                "lenet-report-prepare");
        preparing.setDaemon(true);
        preparing.start();
    }

    static void write(Path outputDirectory, RunReport report, Verdict gate, double totalSeconds, BuildLog log) {
        double training = report.trainingSeconds();
        Metrics metrics = new Metrics(
                Metrics.FORMAT,
                gate,
                report.device(),
                new Metrics.Timings(training, training / report.epochs().size(), totalSeconds, report.checkSeconds()),
                report.epochs(),
                report.card());
        String html = HtmlReport.render(new HtmlReport.Content(
                report.card(),
                report.summary(),
                report.epochs(),
                report.steps(),
                report.device(),
                gate,
                report.firstDigits(),
                report.confidentlyWrong()));
        writeMetrics(outputDirectory, metrics, log);
        try {
            AtomicFiles.write(
                    outputDirectory.resolve(REPORT),
                    partial -> Files.writeString(partial, html, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new LeNetException(
                    "cannot write the report to " + outputDirectory + " (" + Causes.describe(e) + ")", e);
        }
        log.info("Report: " + outputDirectory.resolve(REPORT).toUri());
    }

    /** The figures beyond the test accuracy, one line each: calibration, each corruption, each evaluation set. */
    static void logChecks(ModelCard card, Checks.Seconds seconds, BuildLog log) {
        if (card.calibration() != null) {
            log.info(String.format(
                    Locale.ROOT,
                    "Calibration: expected calibration error %.4f (%d bins)",
                    card.calibration().expectedError(),
                    Calibration.BINS));
        }
        if (!card.robustness().isEmpty()) {
            log.info(String.format(Locale.ROOT, "Robustness (%.1f s): ", seconds.robustness())
                    + card.robustness().stream()
                            .map(r -> String.format(Locale.ROOT, "%s %.4f", r.corruption(), r.accuracy()))
                            .collect(Collectors.joining(", ")));
        }
        for (SetResult set : card.evaluationSets()) {
            log.info(String.format(
                    Locale.ROOT,
                    "Evaluation set %s: accuracy %.4f (%d/%d)",
                    set.name(),
                    set.accuracy(),
                    set.correct(),
                    set.total()));
        }
        if (!card.evaluationSets().isEmpty()) {
            log.info(String.format(Locale.ROOT, "Evaluation sets took %.1f s", seconds.evaluationSets()));
        }
    }

    static void writeMetrics(Path outputDirectory, Metrics metrics, BuildLog log) {
        try {
            AtomicFiles.write(outputDirectory.resolve(METRICS), metrics::write);
        } catch (IOException e) {
            throw new LeNetException(
                    "cannot write the metrics to " + outputDirectory + " (" + Causes.describe(e) + ")", e);
        }
        log.info("Metrics: " + outputDirectory.resolve(METRICS));
    }

    /** An empty TensorBoard directory, so TensorBoard shows this run and no earlier one. */
    static Path freshTensorBoardDirectory(Path outputDirectory) {
        Path directory = outputDirectory.resolve(TENSORBOARD);
        try {
            AtomicFiles.deleteRecursively(directory);
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new LeNetException(
                    "cannot prepare the TensorBoard directory " + directory + " (" + Causes.describe(e) + ")", e);
        }
        return directory;
    }
}
