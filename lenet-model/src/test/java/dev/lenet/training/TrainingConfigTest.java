package dev.lenet.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lenet.InvalidParameterException;
import org.junit.jupiter.api.Test;

class TrainingConfigTest {

    private static String error(Runnable r) {
        return assertThrows(InvalidParameterException.class, r::run).getMessage();
    }

    @Test
    void refusesValuesThatCannotTrain() {
        TrainingConfig d = TrainingConfig.defaults();
        assertEquals(
                "Invalid epochs '-1': train for at least 1 and at most 10000 epochs, or auto",
                error(() -> d.toBuilder().epochs(-1).build()));
        assertEquals(
                "Invalid batchSize '0': a batch holds at least 1 image; the default is 384",
                error(() -> d.toBuilder().batchSize(0).build()));
        assertEquals(
                "Invalid learningRate '-0.1': the learning rate must be a positive number; the default is 0.015",
                error(() -> d.toBuilder().learningRate(-0.1).build()));
        assertEquals(
                "Invalid learningRate 'NaN': the learning rate must be a positive number; the default is 0.015",
                error(() -> d.toBuilder().learningRate(Double.NaN).build()));
        assertEquals(
                "Invalid threads '-1': use 0 (one per processor) or a positive count",
                error(() -> d.toBuilder().threads(-1).build()));
        assertEquals("Invalid device 'tpu': use auto, cpu or gpu", error(() -> Device.parse("tpu")));
        assertEquals(
                "Invalid learningRateSchedule 'linear': use constant, step, cosine or oneCycle",
                error(() -> LearningRateSchedule.parse("linear")));
    }

    @Test
    void theReferenceSettingsStayExpressible() {
        TrainingConfig reference = TrainingConfig.reference();
        assertEquals(10, reference.epochs());
        assertEquals(500, reference.batchSize());
        assertEquals(0.01, reference.learningRate());
        assertEquals(false, reference.scaleInput());
        assertEquals(LearningRateSchedule.CONSTANT, reference.learningRateSchedule());
    }

    /** Per-epoch schedules at the first step of an epoch: 100 steps per epoch here. */
    private static double atEpoch(LearningRateSchedule schedule, int epoch, int epochs) {
        return schedule.rate(0.01, epoch * 100L + 37, 100, epochs, 0.25, 1000);
    }

    @Test
    void schedulesGiveTheirDocumentedRates() {
        assertEquals(0.01, atEpoch(LearningRateSchedule.CONSTANT, 7, 10));
        assertEquals(0.01, atEpoch(LearningRateSchedule.STEP, 3, 12));
        assertEquals(0.005, atEpoch(LearningRateSchedule.STEP, 4, 12));
        assertEquals(0.0025, atEpoch(LearningRateSchedule.STEP, 11, 12));
        assertEquals(0.01, atEpoch(LearningRateSchedule.COSINE, 0, 10), 1e-15);
        assertEquals(0.005, atEpoch(LearningRateSchedule.COSINE, 5, 10), 1e-15);
        assertEquals(0.01 * (1 + Math.cos(Math.PI * 0.9)) / 2, atEpoch(LearningRateSchedule.COSINE, 9, 10), 1e-15);
    }

    @Test
    void oneCycleRisesOverTheWarmUpThenFallsToThePeakOverTheFinalDivisor() {
        LearningRateSchedule one = LearningRateSchedule.ONE_CYCLE;
        // 2 epochs of 200 steps: 100 steps of warm-up (a quarter), then 299 steps down to the last one.
        assertEquals(0.001, one.rate(0.01, 0, 200, 2, 0.25, 1000), 1e-15);
        assertEquals(0.0055, one.rate(0.01, 50, 200, 2, 0.25, 1000), 1e-15);
        assertEquals(0.01, one.rate(0.01, 100, 200, 2, 0.25, 1000), 1e-15);
        assertEquals(0.01 + (0.00001 - 0.01) * 149 / 299, one.rate(0.01, 249, 200, 2, 0.25, 1000), 1e-15);
        assertEquals(0.00001, one.rate(0.01, 399, 200, 2, 0.25, 1000), 1e-15);
        double previous = 0;
        for (int step = 0; step <= 100; step++) {
            double rate = one.rate(0.01, step, 200, 2, 0.25, 1000);
            assertTrue(rate > previous, "rises during the warm-up");
            previous = rate;
        }
        for (int step = 101; step < 400; step++) {
            double rate = one.rate(0.01, step, 200, 2, 0.25, 1000);
            assertTrue(rate < previous, "falls after the peak");
            previous = rate;
        }
        assertEquals(LearningRateSchedule.ONE_CYCLE, LearningRateSchedule.parse("oneCycle"));
        assertEquals("oneCycle", LearningRateSchedule.ONE_CYCLE.text());
    }

    @Test
    void oneCycleSettingsAreChecked() {
        TrainingConfig d = TrainingConfig.defaults();
        assertEquals(
                "Invalid warmupFraction '1.0': the warm-up is a share of all steps in [0, 1); the default is 0.25",
                error(() -> d.toBuilder().warmupFraction(1.0).build()));
        assertEquals(
                "Invalid finalDivisor '0.5': the last rate is the peak divided by this: use 1 or more, e.g. 1000",
                error(() -> d.toBuilder().finalDivisor(0.5).build()));
        assertEquals(
                "Invalid epsilon '0.0': Adam's epsilon is a small positive number, e.g. 1e-7",
                error(() -> d.toBuilder().epsilon(0).build()));
    }

    @Test
    void epochsAutoAreFittedToReachTheStepsAndKeptWhereTheBuildSetsThem() {
        TrainingConfig auto = TrainingConfig.defaults();
        assertEquals(Hyperparameters.AUTO_EPOCHS, auto.epochs());
        TrainingLength.Fitted mnist = TrainingLength.fit(auto, 60_000);
        assertEquals(2, mnist.config().epochs(), "MNIST keeps its 2 epochs (314 steps)");
        TrainingLength.Fitted small = TrainingLength.fit(auto, 12_000);
        assertEquals(10, small.config().epochs());
        assertEquals(
                "10 epochs: 320 steps for 12,000 images (epochs auto: the fewest epochs that reach 300 optimizer"
                        + " steps, at most 100)",
                small.decision());
        assertEquals(100, TrainingLength.fit(auto, 300).config().epochs(), "at most 100");
        assertEquals(1, TrainingLength.fit(auto, 700_000).config().epochs());
        TrainingLength.Fitted set =
                TrainingLength.fit(auto.toBuilder().epochs(3).build(), 12_000);
        assertEquals(3, set.config().epochs());
        assertEquals(null, set.decision(), "epochs the build sets are not fitted");
    }
}
