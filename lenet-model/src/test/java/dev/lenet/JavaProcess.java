package dev.lenet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A main class of the test classpath run in a JVM of its own, its output and errors merged into one pipe. */
public final class JavaProcess {
    private JavaProcess() {}

    /**
     * Runs it with TF_CPP_MIN_LOG_LEVEL set as given (null: unset, as a user who did not set it), asserts that it
     * exits with 0 within two minutes, and returns every line it printed.
     */
    public static List<String> run(Path output, String logLevel, Class<?> main, List<String> arguments)
            throws Exception {
        return run(output, logLevel, main, arguments, 0);
    }

    /** As {@link #run(Path, String, Class, List)}, asserting the exit status {@code exitStatus}. */
    public static List<String> run(Path output, String logLevel, Class<?> main, List<String> arguments, int exitStatus)
            throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                main.getName()));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> environment = builder.environment();
        environment.remove("TF_CPP_MIN_LOG_LEVEL");
        if (logLevel != null) {
            environment.put("TF_CPP_MIN_LOG_LEVEL", logLevel);
        }
        Process process = builder.start();
        Files.copy(process.getInputStream(), output, StandardCopyOption.REPLACE_EXISTING);
        assertTrue(process.waitFor(2, TimeUnit.MINUTES), main.getSimpleName() + " finished");
        List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
        assertEquals(exitStatus, process.exitValue(), String.join("\n", lines));
        return lines;
    }
}
