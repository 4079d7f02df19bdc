package dev.lenet.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.lenet.LeNetException;
import java.io.IOException;
import java.nio.file.Path;

/** The child side of {@link ForkedTraining}: reads the request, trains or evaluates, writes the report or the error. */
public final class ForkedMain {
    private ForkedMain() {}

    public static void main(String[] args) throws IOException {
        dieWithTheBuild();
        ObjectMapper json = JsonMapper.builder().build();
        ForkedTraining.Request request = json.readValue(Path.of(args[0]).toFile(), ForkedTraining.Request.class);
        try {
            if (request.mode().equals("evaluate")) {
                EvaluationRun.execute(Path.of(request.dataset()), Path.of(request.model()), request.baseline())
                        .write(Path.of(request.report()));
            } else {
                TrainingRun.Outcome outcome = TrainingRun.execute(Path.of(request.dataset()), request.config(),
                        Path.of(request.savedModel()), request.tensorboard() == null ? null : Path.of(request.tensorboard()),
                        Path.of(request.checkpoints()), request.baseline(),
                        new LoggingListener(LoggingListener.STANDARD_OUTPUT));
                RunReport.of(outcome).write(Path.of(request.report()));
            }
        } catch (LeNetException e) {
            json.writeValue(Path.of(request.error()).toFile(), ForkedTraining.describe(e));
            System.exit(ForkedTraining.EXIT_REPORTED_ERROR);
        }
        System.exit(0);
    }

    /**
     * The parent holds this JVM's standard input open and never writes to it: end of input means the build is gone
     * (killed, even with SIGKILL), and training on for nobody would only hold the CPU and write a stale model.
     */
    private static void dieWithTheBuild() {
        Thread watcher = new Thread(() -> {
            try {
                while (System.in.read() != -1) {
                    // nothing is ever sent
                }
            } catch (IOException e) {
                // a broken pipe is the same news
            }
            Runtime.getRuntime().halt(ForkedTraining.EXIT_PARENT_GONE);
        }, "lenet-parent-watch");
        watcher.setDaemon(true);
        watcher.start();
    }
}
