package dev.lenet.fork;

import dev.lenet.contract.Causes;
import dev.lenet.log.BuildLog;
import dev.lenet.training.Device;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;

/**
 * One running child JVM: started with its class-data-sharing archive, its error output passed to the debug log (the
 * last lines kept for an error message), given its request as the first line of its input, its output relayed, and
 * ended.
 */
final class ChildProcess {
    private static final int ERROR_LINES_KEPT = 20;

    private final Process process;
    private final Device device;
    private final ClassDataSharing sharing;
    private final Deque<String> lastErrors = new ArrayDeque<>();
    private final Thread errors;

    private ChildProcess(Process process, Device device, ClassDataSharing sharing, BuildLog log) {
        this.process = process;
        this.device = device;
        this.sharing = sharing;
        this.errors = new Thread(
                () -> relay(process.getErrorStream(), line -> {
                    log.debug("[tensorflow] " + line);
                    synchronized (lastErrors) {
                        lastErrors.addLast(line);
                        if (lastErrors.size() > ERROR_LINES_KEPT) {
                            lastErrors.removeFirst();
                        }
                    }
                }),
                "lenet-child-stderr");
        errors.setDaemon(true);
        errors.start();
    }

    /** Starts a child JVM for {@code device} in {@code workDirectory}; it waits for its request. */
    static ChildProcess start(ChildJvm.Settings settings, Path workDirectory, Device device, BuildLog log)
            throws IOException {
        Files.createDirectories(workDirectory);
        List<Path> classpath = ChildCommand.selectNative(settings.classpath(), device);
        ClassDataSharing sharing =
                ClassDataSharing.of(settings.classDataArchives(), settings.java(), classpath, settings.jvmArguments());
        if (sharing != null && !sharing.prepare()) {
            sharing = null;
        }
        List<String> command = ChildCommand.of(settings, classpath, sharing);
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDirectory.toFile());
        ChildJvm.defaultEnvironment().forEach(builder.environment()::putIfAbsent);
        builder.environment().putAll(settings.environment());
        log.debug("Forking the child JVM: " + String.join(" ", command));
        return new ChildProcess(builder.start(), device, sharing, log);
    }

    Device device() {
        return device;
    }

    boolean alive() {
        return process.isAlive();
    }

    /** Whether this child writes the class-data-sharing archive as it exits: then it must exit, not be ended. */
    boolean writesArchive() {
        return sharing != null && sharing.creating();
    }

    /** The request's path as the first line of the child's input; false when the child has already ended. */
    boolean send(Path requestFile) {
        try {
            OutputStream input = process.getOutputStream();
            input.write((requestFile.toAbsolutePath() + "\n").getBytes(StandardCharsets.UTF_8));
            input.flush();
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The child's output into the log, up to its end or its {@link ProtocolLog#DONE}: true for the latter. */
    boolean relayOutput(BuildLog log) {
        boolean[] done = {false};
        relay(process.getInputStream(), line -> {
            if (line.equals(ProtocolLog.DONE)) {
                done[0] = true;
            } else if (line.startsWith(ProtocolLog.PROGRESS_PREFIX)) {
                log.progress(line.substring(ProtocolLog.PROGRESS_PREFIX.length()));
            } else {
                log.info(line);
            }
        });
        return done[0];
    }

    /**
     * Waits for the child to exit, and puts the archive it wrote into place when it ended well; its exit code. A build
     * interrupted meanwhile ends it.
     */
    int waitFor() throws InterruptedException {
        int exit;
        try {
            exit = process.waitFor();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            throw e;
        }
        errors.join(5_000);
        if (writesArchive()) {
            sharing.complete(exit == 0);
        }
        return exit;
    }

    /** The child's last lines of error output, one an indented line. */
    String lastErrors() {
        synchronized (lastErrors) {
            return String.join("\n  ", lastErrors);
        }
    }

    /**
     * Ends a child that has written its report and said it is done: its files are closed and all it had to say is
     * said, and TensorFlow's teardown would take about 0.3 s of a core that the rest of the build needs.
     */
    void endDone() {
        process.destroyForcibly();
    }

    /** Ends a child never given a job: closing its input makes it halt, without writing an archive. */
    void end() {
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            process.destroy();
        }
        Thread reaper = new Thread(
                () -> {
                    try {
                        process.waitFor();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                    if (writesArchive()) {
                        sharing.complete(false);
                    }
                },
                "lenet-child-reaper");
        reaper.setDaemon(true);
        reaper.start();
    }

    /** Passes each line on, up to the end of the stream or the child's {@link ProtocolLog#DONE}. */
    private static void relay(InputStream stream, Consumer<String> sink) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                sink.accept(line);
                if (line.equals(ProtocolLog.DONE)) {
                    return;
                }
            }
        } catch (IOException e) {
            sink.accept("(output of the child JVM lost: " + Causes.describe(e) + ")");
        }
    }
}
