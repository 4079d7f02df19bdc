package dev.lenet.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lenet.Slow;
import dev.lenet.data.Dataset;
import dev.lenet.data.DatasetBudget;
import dev.lenet.data.DatasetReader;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A training set left on disk and fed a batch at a time trains to the same bits as one held in the runtime. */
@Slow
class TrainingFromDiskTest {
    @TempDir
    Path temp;

    private Dataset onDisk() throws IOException {
        Path directory = TinyTraining.writeTo(temp.resolve("data"));
        Dataset data = DatasetReader.read(directory, new DatasetBudget(DatasetBudget.DEFAULT_MAX_BYTES, 0, temp));
        assertFalse(data.train().pixels().inMemory(), "an in-memory budget of 0 leaves the images on disk");
        return data;
    }

    private static TrainingResult train(TrainingConfig config, Dataset data) {
        try (Trainer trainer = new Trainer(config, data)) {
            return trainer.train(TrainingListener.NONE);
        }
    }

    @Test
    void batchesReadFromDiskGiveTheSameBits() throws IOException {
        TrainingResult fromDisk = train(TinyTraining.CONFIG, onDisk());
        assertTrue(fromDisk.weights().sameBitsAs(TinyTraining.trained().weights()));
        assertEquals(
                TinyTraining.trained().test().evaluation().accuracy(),
                fromDisk.test().evaluation().accuracy());
    }

    @Test
    void aValidationSplitOfADiskSetAndAugmentationGiveTheSameBitsToo() throws IOException {
        TrainingConfig config = TinyTraining.CONFIG.toBuilder()
                .augment(true)
                .stopping(new Stopping(200, Stopping.Monitor.VAL_LOSS, 0, 0, null))
                .build();
        assertTrue(train(config, onDisk())
                .weights()
                .sameBitsAs(train(config, TinyTraining.DATA).weights()));
    }
}
