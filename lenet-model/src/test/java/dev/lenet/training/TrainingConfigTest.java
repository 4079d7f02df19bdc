package dev.lenet.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lenet.InvalidParameterException;
import org.junit.jupiter.api.Test;

class TrainingConfigTest {

    private static String error(Runnable r) {
        return assertThrows(InvalidParameterException.class, r::run).getMessage();
    }

    @Test
    void refusesValuesThatCannotTrain() {
        TrainingConfig d = TrainingConfig.defaults();
        assertEquals("epochs = 0: train for at least 1 and at most 10000 epochs", error(() -> d.withEpochs(0)));
        assertEquals("batchSize = 0: a batch holds at least 1 image; 64 is a good start", error(() -> d.withBatchSize(0)));
        assertEquals("learningRate = -0.1: the learning rate must be a positive number; 0.001-0.01 suits Adam", error(() -> d.withLearningRate(-0.1)));
        assertEquals("learningRate = NaN: the learning rate must be a positive number; 0.001-0.01 suits Adam", error(() -> d.withLearningRate(Double.NaN)));
        assertEquals("threads = -1: use 0 (one per processor) or a positive count", error(() -> d.withThreads(-1)));
        assertEquals("device = tpu: use auto, cpu or gpu", error(() -> Device.parse("tpu")));
        assertEquals("learningRateSchedule = linear: use constant, step or cosine",
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

    @Test
    void schedulesGiveTheirDocumentedRates() {
        assertEquals(0.01, LearningRateSchedule.CONSTANT.rate(0.01, 7, 10));
        assertEquals(0.01, LearningRateSchedule.STEP.rate(0.01, 3, 12));
        assertEquals(0.005, LearningRateSchedule.STEP.rate(0.01, 4, 12));
        assertEquals(0.0025, LearningRateSchedule.STEP.rate(0.01, 11, 12));
        assertEquals(0.01, LearningRateSchedule.COSINE.rate(0.01, 0, 10), 1e-15);
        assertEquals(0.005, LearningRateSchedule.COSINE.rate(0.01, 5, 10), 1e-15);
        assertEquals(0.01 * (1 + Math.cos(Math.PI * 0.9)) / 2, LearningRateSchedule.COSINE.rate(0.01, 9, 10), 1e-15);
    }
}
