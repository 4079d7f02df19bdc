package dev.lenet.goal;

import dev.lenet.fork.ChildJvm;
import dev.lenet.fork.ProtocolLog;
import dev.lenet.training.TinyTraining;
import java.io.File;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** A build to kill: runs the goal's core with a forked child JVM. Args: DATA OUTPUT EPOCHS. */
public final class KillableBuild {
    private KillableBuild() {}

    public static void main(String[] args) {
        List<Path> classpath = Arrays.stream(
                        System.getProperty("java.class.path").split(File.pathSeparator))
                .map(Path::of)
                .toList();
        ChildJvm.Settings fork = new ChildJvm.Settings(
                Path.of(System.getProperty("java.home"), "bin", "java"), classpath, List.of("-Xmx1g"), Map.of());
        Path output = Path.of(args[1]);
        TrainGoal.run(
                new TrainGoal.Request(
                        Path.of(args[0]),
                        null,
                        List.of(),
                        TinyTraining.CONFIG.toBuilder()
                                .epochs(Integer.parseInt(args[2]))
                                .build(),
                        0.5,
                        output,
                        output.resolve("model.jar"),
                        Instant.parse("2026-01-01T00:00:00Z"),
                        fork,
                        false),
                new ProtocolLog());
    }
}
