package dev.lenet.fork;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.lenet.LeNetException;
import dev.lenet.files.AtomicFiles;
import dev.lenet.log.LoggingListener;
import dev.lenet.pipeline.EvaluationPipeline;
import dev.lenet.pipeline.Job;
import dev.lenet.pipeline.ParallelStart;
import dev.lenet.pipeline.RunReport;
import dev.lenet.pipeline.TrainingPipeline;
import dev.lenet.training.ProcessMemory;
import java.io.ByteArrayOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/**
 * The child side of {@link ChildJvm}: loads TensorFlow while it waits for its request (the path of a file, the first
 * line on its standard input), then trains or evaluates, and writes the report or the error.
 */
public final class ChildJvmMain {
    private ChildJvmMain() {}

    public static void main(String[] args) throws IOException {
        // the parent reads our output as UTF-8, whatever this platform's charset
        System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8));
        CompletableFuture<String> requestFile = watchTheBuild();
        ParallelStart.beginLoadingTensorFlow();
        ObjectMapper json = JsonMapper.builder().build();
        ChildJvm.Request request = json.readValue(Path.of(requestFile.join()).toFile(), ChildJvm.Request.class);
        try {
            if (request.job() instanceof Job.Train train) {
                ProtocolLog log = new ProtocolLog();
                RunReport.of(TrainingPipeline.execute(train, new LoggingListener(log)))
                        .write(Path.of(request.report()));
                long peak = ProcessMemory.peakResidentBytes();
                if (peak > 0) {
                    log.info(String.format(
                            Locale.ROOT,
                            "Training JVM: peak resident memory %,d MiB (heap at most %,d MiB)",
                            peak >> 20,
                            Runtime.getRuntime().maxMemory() >> 20));
                }
            } else if (request.job() instanceof Job.Evaluate evaluate) {
                EvaluationPipeline.execute(evaluate).write(Path.of(request.report()));
            }
        } catch (LeNetException e) {
            // whole or not at all: a report cut short by a full disk would hide the error behind a parse error
            AtomicFiles.write(
                    Path.of(request.error()), partial -> json.writeValue(partial.toFile(), ChildJvm.describe(e)));
            System.exit(ChildJvm.EXIT_REPORTED_ERROR);
        }
        ProtocolLog.done();
        System.exit(0);
    }

    /**
     * The parent writes the request's path as the first line of this JVM's standard input and holds it open: end of
     * input means the build is gone (killed, even with SIGKILL) or decided not to train, and training on for nobody
     * would only hold the CPU and write a stale model.
     */
    private static CompletableFuture<String> watchTheBuild() {
        CompletableFuture<String> requestFile = new CompletableFuture<>();
        Thread watcher = new Thread(
                () -> {
                    try {
                        ByteArrayOutputStream line = new ByteArrayOutputStream();
                        int c;
                        while ((c = System.in.read()) != -1) {
                            if (requestFile.isDone()) {
                                continue; // nothing more is sent
                            }
                            if (c == '\n') {
                                requestFile.complete(line.toString(StandardCharsets.UTF_8));
                            } else {
                                line.write(c);
                            }
                        }
                    } catch (IOException e) {
                        // a broken pipe is the same news
                    }
                    Runtime.getRuntime().halt(ChildJvm.EXIT_PARENT_GONE);
                },
                "lenet-parent-watch");
        watcher.setDaemon(true);
        watcher.start();
        return requestFile;
    }
}
