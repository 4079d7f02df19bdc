package dev.lenet.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lenet.InvalidParameterException;
import dev.lenet.Slow;
import dev.lenet.data.LabeledImages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Validation split, early stopping with best-epoch restore, the time budget, checkpoints and resume. */
@Slow
class TrainingControlsTest {
    @TempDir
    Path temp;

    private static TrainingResult train(TrainingConfig config, TrainingListener listener, Path checkpoints) {
        try (Trainer trainer = new Trainer(config, TinyTraining.DATA)) {
            return trainer.train(listener, checkpoints);
        }
    }

    private static TrainingConfig validated(int patience, double minDelta, int epochs) {
        return TinyTraining.CONFIG.toBuilder()
                .epochs(epochs)
                .stopping(new Stopping(200, Stopping.Monitor.VAL_LOSS, patience, minDelta, null))
                .build();
    }

    @Test
    void holdsOutASeededValidationSetFromTheTrainingImages() {
        LabeledImages[] parts = ValidationSplit.split(TinyTraining.DATA.train(), 200, 42);
        LabeledImages[] again = ValidationSplit.split(TinyTraining.DATA.train(), 200, 42);
        assertEquals(1000, parts[0].count());
        assertEquals(200, parts[1].count());
        assertTrue(
                java.util.Arrays.equals(parts[1].images(), again[1].images()),
                "the same seed holds out the same images");
        assertTrue(!java.util.Arrays.equals(
                parts[1].images(), ValidationSplit.split(TinyTraining.DATA.train(), 200, 43)[1].images()));
    }

    @Test
    void withAValidationSetEpochsAreJudgedOnItAndNotOnTheTestSet() {
        TrainingResult result = train(validated(0, 0, 2), TrainingListener.NONE, null);
        for (EpochRecord e : result.epochs()) {
            assertNotNull(e.validationLoss());
            assertNotNull(e.validationAccuracy());
            assertNull(e.testAccuracy(), "the test set is kept for the final figures");
        }
        assertEquals(300, result.test().evaluation().total());
    }

    @Test
    void earlyStoppingStopsAndRestoresTheBestEpochsWeights() {
        // nothing improves by 10: epoch 1 stays the best, and patience 2 ends training after epoch 3
        List<TrainedWeights> afterEachEpoch = new ArrayList<>();
        TrainingResult result;
        try (Trainer trainer = new Trainer(validated(2, 10.0, 8), TinyTraining.DATA)) {
            result = trainer.train(
                    new TrainingListener() {
                        @Override
                        public void epochEnded(EpochRecord record) {
                            afterEachEpoch.add(trainer.weights());
                        }
                    },
                    null);
        }
        assertEquals(3, result.epochs().size());
        assertEquals(1, result.stop().keptEpoch());
        assertEquals(
                "early stopping after epoch 3: val_loss did not improve by 10.0 for 2 epochs; kept epoch 1, the best"
                        + " by val_loss",
                result.stop().message());
        assertTrue(result.weights().sameBitsAs(afterEachEpoch.get(0)), "the exported weights are epoch 1's");
        assertTrue(!result.weights().sameBitsAs(afterEachEpoch.get(2)));
    }

    @Test
    void theBestEpochIsTheOneWithTheLowestValidationLoss() {
        TrainingResult result = train(validated(0, 0, 4), TrainingListener.NONE, null);
        int best = 0;
        for (int i = 1; i < result.epochs().size(); i++) {
            if (result.epochs().get(i).validationLoss()
                    < result.epochs().get(best).validationLoss()) {
                best = i;
            }
        }
        assertEquals(result.epochs().get(best).epoch(), result.stop().keptEpoch());
    }

    @Test
    void theTimeBudgetHolds() {
        TrainingConfig budgeted = TinyTraining.CONFIG.toBuilder()
                .epochs(1000)
                .stopping(new Stopping(0, null, 0, 0, Duration.ofMillis(1500)))
                .build();
        long started = System.nanoTime();
        TrainingResult result = train(budgeted, TrainingListener.NONE, null);
        double seconds = (System.nanoTime() - started) / 1e9;
        assertTrue(result.epochs().size() < 1000);
        assertTrue(
                result.stop().message().startsWith("the time budget of PT1.5S ran out "),
                result.stop().message());
        assertTrue(seconds < 1.5 + 5, "stops soon after the budget (evaluation and set-up included): " + seconds);
        assertEquals(result.epochs().size(), result.stop().keptEpoch());
    }

    @Test
    void resumingFromACheckpointGivesTheSameBitsAsNeverStopping() {
        TrainingConfig config = validated(0, 0, 3);
        TrainingResult uninterrupted = train(config, TrainingListener.NONE, null);

        Path checkpoints = temp.resolve("checkpoint");
        RuntimeException crash = new RuntimeException("the build was killed");
        RuntimeException thrown = assertThrows(
                RuntimeException.class,
                () -> train(
                        config,
                        new TrainingListener() {
                            @Override
                            public void epochEnded(EpochRecord record) {
                                if (record.epoch() == 2) {
                                    throw crash;
                                }
                            }
                        },
                        checkpoints));
        assertEquals(crash, thrown);
        assertTrue(Files.exists(checkpoints.resolve(Checkpoint.FILE)));

        List<Integer> resumedAfter = new ArrayList<>();
        TrainingResult resumed = train(
                config,
                new TrainingListener() {
                    @Override
                    public void resumed(int epochsDone) {
                        resumedAfter.add(epochsDone);
                    }
                },
                checkpoints);
        assertEquals(List.of(2), resumedAfter);
        assertTrue(resumed.weights().sameBitsAs(uninterrupted.weights()), "bit-identical to the uninterrupted run");
        assertEquals(
                uninterrupted.epochs().get(2).validationLoss(),
                resumed.epochs().get(2).validationLoss());
        assertEquals(3, resumed.epochs().size(), "the history carries over");
        assertTrue(Files.notExists(checkpoints.resolve(Checkpoint.FILE)), "finished training leaves no checkpoint");
    }

    @Test
    void aCheckpointOfOtherInputsIsNotResumed() {
        Path checkpoints = temp.resolve("other");
        assertThrows(
                RuntimeException.class,
                () -> train(
                        validated(0, 0, 3),
                        new TrainingListener() {
                            @Override
                            public void epochEnded(EpochRecord record) {
                                throw new RuntimeException("stop");
                            }
                        },
                        checkpoints));
        List<Integer> resumedAfter = new ArrayList<>();
        train(
                validated(0, 0, 3).toBuilder().seed(5).build(),
                new TrainingListener() {
                    @Override
                    public void resumed(int epochsDone) {
                        resumedAfter.add(epochsDone);
                    }
                },
                checkpoints);
        assertEquals(List.of(), resumedAfter);
    }

    @Test
    void badStoppingRulesAreRefused() {
        assertEquals(
                "Invalid patience '3': early stopping watches a validation set: set validationSize too, e.g. 5000",
                assertThrows(InvalidParameterException.class, () -> new Stopping(0, null, 3, 0, null))
                        .getMessage());
        assertEquals(
                "Invalid maxTrainingTime 'soon': use a duration such as 90s, 5m, 1h or PT10M",
                assertThrows(InvalidParameterException.class, () -> Stopping.parseDuration("soon"))
                        .getMessage());
        assertEquals(Duration.ofSeconds(90), Stopping.parseDuration("90s"));
        assertEquals(Duration.ofMinutes(5), Stopping.parseDuration("5m"));
        assertEquals(Duration.ofMinutes(10), Stopping.parseDuration("PT10M"));
        assertEquals(Duration.ofSeconds(45), Stopping.parseDuration("45"));
        assertNull(Stopping.parseDuration(""));
        assertEquals(
                "Invalid validationSize '1200': must leave training images: use fewer than the 1200 there are",
                assertThrows(
                                InvalidParameterException.class,
                                () -> new Trainer(
                                        TinyTraining.CONFIG.toBuilder()
                                                .stopping(new Stopping(1200, null, 0, 0, null))
                                                .build(),
                                        TinyTraining.DATA))
                        .getMessage());
    }
}
