package dev.lenet.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lenet.InvalidParameterException;
import dev.lenet.Slow;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

@Slow
class TrainerTest {

    private static TrainingResult train(TrainingConfig config) {
        try (Trainer trainer = new Trainer(config, TinyTraining.DATA)) {
            return trainer.train(TrainingListener.NONE);
        }
    }

    @Test
    void learnsAndTellsTheListenerEachEpoch() {
        List<EpochRecord> seen = new ArrayList<>();
        TrainingResult result;
        try (Trainer trainer = new Trainer(TinyTraining.CONFIG, TinyTraining.DATA)) {
            result = trainer.train(new TrainingListener() {
                @Override
                public void epochEnded(EpochRecord record) {
                    seen.add(record);
                }
            });
        }
        assertEquals(result.epochs(), seen);
        assertEquals(2, seen.size());
        assertEquals(1, seen.get(0).epoch());
        assertEquals(2, seen.get(1).epochs());
        assertTrue(seen.get(1).meanLoss() < seen.get(0).meanLoss(), "the loss falls: " + seen);
        assertTrue(seen.get(0).meanLoss() < 2.3, "below chance level after one epoch: " + seen.get(0));
        assertTrue(
                result.test().evaluation().accuracy() > 0.9,
                "learns the synthetic digits: " + result.test().evaluation().accuracy());
        assertNull(seen.get(0).testAccuracy(), "the test set is evaluated once, after the last epoch");
        assertEquals(result.test().evaluation().accuracy(), seen.get(1).testAccuracy(), 1e-12);
        assertEquals(1200 / seen.get(0).seconds(), seen.get(0).imagesPerSecond(), 1e-6);
    }

    @Test
    void theSameSeedGivesBitIdenticalWeights() {
        TrainingResult first = TinyTraining.trained();
        TrainingResult second = train(TinyTraining.CONFIG);
        assertTrue(first.weights().sameBitsAs(second.weights()));
        assertEquals(first.epochs().get(1).meanLoss(), second.epochs().get(1).meanLoss());
    }

    @Test
    void anotherSeedGivesOtherWeights() {
        TrainingResult other =
                train(TinyTraining.CONFIG.toBuilder().seed(43).epochs(1).build());
        TrainingResult same = train(TinyTraining.CONFIG.toBuilder().epochs(1).build());
        assertFalse(other.weights().sameBitsAs(same.weights()));
    }

    @Test
    void stopsAtOnceWhenTheLossIsNoLongerANumber() {
        TrainingConfig wild = TinyTraining.CONFIG.toBuilder()
                .learningRate(1e6)
                .scaleInput(false)
                .epochs(5)
                .build();
        TrainingDivergedException e = assertThrows(TrainingDivergedException.class, () -> train(wild));
        assertTrue(
                e.getMessage()
                        .matches(
                                "training diverged at epoch \\d+, step \\d+: the loss is (NaN|Infinity)\\."
                                        + " Lower the learning rate \\(now 1000000\\.0\\), e\\.g\\. to 0\\.001, and keep input scaling on"),
                e.getMessage());
    }

    @Test
    void refusesABatchLargerThanTheTrainingSet() {
        InvalidParameterException e = assertThrows(
                InvalidParameterException.class,
                () -> new Trainer(
                        TinyTraining.CONFIG.toBuilder().batchSize(5000).build(), TinyTraining.DATA));
        assertEquals(
                "Invalid batchSize '5000': larger than the 1200 training images; use at most 1200", e.getMessage());
    }

    @Test
    void theCpuIsUsedWhenAsked() {
        DeviceChoice choice = DeviceChoice.choose(Device.CPU);
        assertFalse(choice.gpu());
        assertEquals("Training on the CPU (device cpu was requested)", choice.describe());
    }

    @Test
    void autoFallsBackToTheCpuAndSaysWhy() {
        DeviceChoice choice = DeviceChoice.choose(Device.AUTO);
        assertFalse(choice.gpu(), "no GPU on the machines this runs on");
        assertTrue(choice.reason().startsWith("device auto, no GPU: "), choice.reason());
    }
}
