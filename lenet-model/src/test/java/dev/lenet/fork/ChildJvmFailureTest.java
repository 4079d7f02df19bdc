package dev.lenet.fork;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lenet.LeNetException;
import dev.lenet.data.InvalidDatasetException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the build says when the child ends without a result. */
class ChildJvmFailureTest {
    @TempDir
    Path temp;

    @Test
    void theChildsOwnReportComesBackAsItsKind() throws IOException {
        Path error = Files.writeString(
                temp.resolve("error.json"),
                "{\"kind\":\"dataset\",\"input\":\"/data/x\",\"message\":\"/data/x: is empty\",\"causes\":[]}");
        LeNetException e = ChildJvm.failure(2, error, "a native line");
        assertInstanceOf(InvalidDatasetException.class, e);
        assertEquals("/data/x: is empty", e.getMessage());
    }

    @Test
    void aReportCutShortKeepsTheExitCodeAndTheLastLinesInsteadOfAParseError() throws IOException {
        Path error = Files.writeString(temp.resolve("error.json"), "{\"kind\":\"dataset\",\"input\":\"/da");
        LeNetException e = ChildJvm.failure(2, error, "No space left on device");
        assertTrue(
                e.getMessage()
                        .startsWith("the child JVM exited with code 2 without a result; its error report " + error
                                + " cannot be read ("),
                e.getMessage());
        assertTrue(e.getMessage().contains(". Its last error lines:\n  No space left on device\n"), e.getMessage());
        assertInstanceOf(IOException.class, e.getCause());
    }
}
