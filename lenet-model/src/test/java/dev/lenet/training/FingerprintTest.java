package dev.lenet.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lenet.data.Dataset;
import dev.lenet.data.DatasetReader;
import dev.lenet.data.IdxWriter;
import dev.lenet.data.SyntheticDigits;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FingerprintTest {
    private static final Fingerprint TINY = Fingerprint.of(TinyTraining.CONFIG, TinyTraining.DATA);

    private static List<String> changesFor(TrainingConfig config, Dataset data) {
        return Fingerprint.of(config, data).changesSince(TINY);
    }

    @Test
    void theSameRunHasTheSameFingerprint() {
        Fingerprint again = Fingerprint.of(TinyTraining.CONFIG.toBuilder().build(), TinyTraining.DATA);
        assertEquals(List.of(), again.changesSince(TINY));
        assertEquals(TINY.text(), again.text());
    }

    @Test
    void theDeviceDecidesTheBitsSoItIsInTheFingerprint() {
        assertEquals(
                List.of("device changed from cpu to auto"),
                changesFor(TinyTraining.CONFIG.toBuilder().device(Device.AUTO).build(), TinyTraining.DATA));
    }

    @Test
    void threadsAreRecordedAsTheNumberUsed() {
        TrainingConfig allCores = TinyTraining.CONFIG.toBuilder().threads(0).build();
        String used = String.valueOf(Runtime.getRuntime().availableProcessors());
        assertEquals(used, Fingerprint.of(allCores, TinyTraining.DATA).values().get("threads"));
    }

    @Test
    void theTimeBudgetIsNotInItButTheValidationRulesAre() {
        TrainingConfig budgeted = TinyTraining.CONFIG.toBuilder()
                .stopping(new Stopping(0, null, 0, 0, Duration.ofSeconds(5)))
                .build();
        assertEquals(List.of(), changesFor(budgeted, TinyTraining.DATA));
        TrainingConfig validated = TinyTraining.CONFIG.toBuilder()
                .stopping(new Stopping(100, null, 2, 0, null))
                .build();
        assertEquals(
                List.of("validation and stopping rules changed from [0, val_loss, 0, 0.0] to [100, val_loss, 2, 0.0]"),
                changesFor(validated, TinyTraining.DATA));
    }

    @Test
    void otherTestFilesChangeTheirHashes(@TempDir Path temp) throws IOException {
        IdxWriter.writeDataset(temp.resolve("a"), TinyTraining.DATA.train(), TinyTraining.DATA.test(), false);
        IdxWriter.writeDataset(temp.resolve("b"), TinyTraining.DATA.train(), SyntheticDigits.generate(300, 9), false);
        Fingerprint a = Fingerprint.of(TinyTraining.CONFIG, DatasetReader.read(temp.resolve("a")));
        List<String> changes = Fingerprint.of(TinyTraining.CONFIG, DatasetReader.read(temp.resolve("b")))
                .changesSince(a);
        assertEquals(2, changes.size(), changes.toString());
        assertTrue(changes.get(0).startsWith("test images SHA-256 changed from "), changes.toString());
        assertTrue(changes.get(1).startsWith("test labels SHA-256 changed from "), changes.toString());
    }
}
