package dev.lenet.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lenet.Slow;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Slow
class CacheLockTest {
    @TempDir
    Path temp;

    static Process child(String... arguments) throws IOException {
        List<String> mainAndArguments = new ArrayList<>(List.of(CacheChild.class.getName()));
        mainAndArguments.addAll(List.of(arguments));
        return child(mainAndArguments);
    }

    /** A JVM of the test classpath running the main class and arguments given. */
    static Process child(List<String> mainAndArguments) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path")));
        command.addAll(mainAndArguments);
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    @Test
    void aBuildWaitingForAnotherSaysSoAndGivesUpAtItsLimit() throws Exception {
        Path lockFile = temp.resolve("converted").resolve("abc.lock");
        java.nio.file.Files.createDirectories(lockFile.getParent());
        Process other = child("hold", lockFile.toString());
        try {
            BufferedReader output =
                    new BufferedReader(new InputStreamReader(other.getInputStream(), StandardCharsets.UTF_8));
            assertEquals("locked", output.readLine());
            List<String> log = new ArrayList<>();
            IOException e = assertThrows(
                    IOException.class,
                    () -> CacheLock.acquire(lockFile, "converting x into y", log::add, Duration.ofSeconds(1)));
            assertEquals(
                    "gave up after 1.0 s waiting for another build, which is converting x into y (it holds " + lockFile
                            + "); if that build hangs, stop it",
                    e.getMessage());
            assertEquals(
                    List.of("Waiting for another build, which is converting x into y (it holds " + lockFile + ")"),
                    log);

            other.getOutputStream().close(); // the other build ends
            assertTrue(other.waitFor(30, TimeUnit.SECONDS));
            try (CacheLock lock = CacheLock.acquire(lockFile, "converting x into y", log::add, Duration.ofSeconds(5))) {
                assertTrue(CacheLock.free(temp.resolve("converted").resolve("other.lock")));
            }
        } finally {
            other.destroyForcibly();
        }
    }

    @Test
    void aKilledHoldersLockIsFree() throws Exception {
        Path lockFile = temp.resolve("held.lock");
        Process other = child("hold", lockFile.toString());
        BufferedReader output =
                new BufferedReader(new InputStreamReader(other.getInputStream(), StandardCharsets.UTF_8));
        assertEquals("locked", output.readLine());
        assertEquals(false, CacheLock.free(lockFile));
        other.destroyForcibly().waitFor(30, TimeUnit.SECONDS); // kill -9
        assertTrue(CacheLock.free(lockFile));
    }
}
