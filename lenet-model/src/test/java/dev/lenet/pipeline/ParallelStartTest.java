package dev.lenet.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lenet.Slow;
import dev.lenet.data.Dataset;
import dev.lenet.data.DatasetBudget;
import dev.lenet.data.DatasetFixtures;
import dev.lenet.data.DatasetReader;
import dev.lenet.data.InvalidDatasetException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Slow
class ParallelStartTest {
    private static final DatasetBudget BUDGET = DatasetBudget.forThisJvm(DatasetBudget.DEFAULT_MAX_BYTES);

    @TempDir
    Path dir;

    @Test
    void readsTheDatasetAsTheReaderDoes() throws IOException {
        Path dataset = DatasetFixtures.directory(dir.resolve("data"), DatasetFixtures.files("", false));
        Dataset parallel = ParallelStart.loadTensorFlowAndRead(dataset, BUDGET);
        Dataset alone = DatasetReader.read(dataset);
        assertArrayEquals(alone.train().images(), parallel.train().images());
        assertArrayEquals(alone.test().labels(), parallel.test().labels());
    }

    /** The reading thread's error arrives as it is: same type, same message, so the build names the same input. */
    @Test
    void passesTheReadersErrorOnUnchanged() throws IOException {
        Path empty = Files.createDirectory(dir.resolve("empty"));
        InvalidDatasetException alone = assertThrows(InvalidDatasetException.class, () -> DatasetReader.read(empty));
        InvalidDatasetException parallel =
                assertThrows(InvalidDatasetException.class, () -> ParallelStart.loadTensorFlowAndRead(empty, BUDGET));
        assertEquals(alone.getMessage(), parallel.getMessage());
    }
}
