package dev.lenet.data;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lenet.Slow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** npm started by a build ends with it, also when the build is killed with SIGKILL. */
@Slow
class NpmEndsWithTheBuildTest {
    @TempDir
    Path temp;

    @Test
    void aKilledBuildTakesItsNpmWithIt() throws Exception {
        Path pid = temp.resolve("npm.pid");
        Path npm = temp.resolve("npm");
        Files.writeString(npm, "#!/bin/sh\necho $$ > '" + pid + "'\nexec sleep 120\n");
        assertTrue(npm.toFile().setExecutable(true));
        Process build = CacheLockTest.child(List.of(
                NpmChild.class.getName(),
                npm.toString(),
                Files.createDirectories(temp.resolve("fetch")).toString()));
        ProcessHandle stuckNpm = null;
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!(Files.exists(pid) && Files.size(pid) > 0) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            stuckNpm = ProcessHandle.of(Long.parseLong(Files.readString(pid).strip()))
                    .orElseThrow();
            assertTrue(stuckNpm.isAlive());
            build.destroyForcibly().waitFor(30, TimeUnit.SECONDS); // kill -9
            deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (stuckNpm.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertFalse(stuckNpm.isAlive(), "npm outlived the build that started it");
        } finally {
            build.destroyForcibly();
            if (stuckNpm != null) {
                stuckNpm.destroyForcibly();
            }
        }
    }
}
