package dev.lenet.goal;

import dev.lenet.LeNetException;
import dev.lenet.contract.Causes;
import dev.lenet.evaluation.Verdict;
import dev.lenet.files.AtomicFiles;
import dev.lenet.log.BuildLog;
import dev.lenet.pipeline.RunReport;
import dev.lenet.report.HtmlReport;
import dev.lenet.report.Metrics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes what a reviewer of the build looks at: {@code metrics.json}, {@code report.html}, the TensorBoard directory. */
final class Reports {
    static final String METRICS = "metrics.json";
    static final String REPORT = "report.html";
    static final String TENSORBOARD = "tensorboard";

    private Reports() {}

    static void write(Path outputDirectory, RunReport report, Verdict gate, double totalSeconds, BuildLog log) {
        double training = report.trainingSeconds();
        Metrics metrics = new Metrics(
                Metrics.FORMAT,
                gate,
                report.device(),
                new Metrics.Timings(training, training / report.epochs().size(), totalSeconds),
                report.epochs(),
                report.card());
        String html = HtmlReport.render(new HtmlReport.Content(
                report.card(),
                report.summary(),
                report.epochs(),
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
