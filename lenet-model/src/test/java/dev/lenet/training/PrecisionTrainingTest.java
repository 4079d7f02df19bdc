package dev.lenet.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.lenet.Slow;
import org.junit.jupiter.api.Test;

/**
 * Convolutions in bfloat16 train as well as float32 (other bits: BackpropagationTest checks the gradients to bfloat16's
 * rounding), the same bits each time. On a processor without bfloat16 instructions oneDNN emulates them: slower, the same test.
 */
@Slow
class PrecisionTrainingTest {
    private static final TrainingConfig BFLOAT16 =
            TinyTraining.CONFIG.toBuilder().precision(Precision.BFLOAT16).build();

    private static Trained train(TrainingConfig config) {
        try (Trainer trainer = new Trainer(config, TinyTraining.DATA)) {
            return new Trained(trainer.train(TrainingListener.NONE), trainer.config());
        }
    }

    private record Trained(TrainingResult result, TrainingConfig config) {}

    /** Where the processor cannot run bfloat16 convolutions (a fatal error in oneDNN), there is nothing to train. */
    static void assumeBfloat16Instructions() {
        assumeFalse(
                Processor.current().bfloat16Instructions().isEmpty(),
                "this processor has no bfloat16 instructions ("
                        + Processor.current().source() + ")");
    }

    @Test
    void bfloat16TrainsAsWellAsFloat32TheSameBitsEachTime() {
        assumeBfloat16Instructions();
        Trained bfloat16 = train(BFLOAT16);
        Trained float32 = train(TinyTraining.CONFIG);
        assertTrue(
                bfloat16.result().weights().sameBitsAs(train(BFLOAT16).result().weights()), "the same bits twice");
        assertFalse(bfloat16.result().weights().sameBitsAs(float32.result().weights()), "other products");
        assertEquals(
                float32.result().test().evaluation().accuracy(),
                bfloat16.result().test().evaluation().accuracy(),
                0.03);
        assertEquals(Precision.BFLOAT16, bfloat16.config().precision(), "the card records what was used");
        assertEquals("bfloat16", bfloat16.config().recorded().get("precision"));
    }

    @Test
    void autoIsResolvedBeforeTrainingAndTheFingerprintSaysWhatItIsHere() {
        Trained auto = train(TinyTraining.CONFIG.toBuilder()
                .precision(Precision.AUTO)
                .epochs(1)
                .build());
        Precision here = PrecisionChoice.onThisCpu(Precision.AUTO);
        assertEquals(here, auto.config().precision());
        assertEquals(
                "auto (" + here.text() + " on this CPU)",
                auto.result().fingerprint().values().get("precision"));
    }
}
