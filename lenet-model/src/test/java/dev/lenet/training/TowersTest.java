package dev.lenet.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lenet.Slow;
import dev.lenet.data.Dataset;
import dev.lenet.data.SyntheticDigits;
import dev.lenet.model.LeNetParameter;
import org.junit.jupiter.api.Test;

/** A batch split into towers trains the model one tower would, to float rounding, and the same bits each time. */
@Slow
class TowersTest {
    /** Batch 100 on 2 threads: two towers of 50; 1,201 images leave a last batch of one, so one tower is empty. */
    private static final TrainingConfig TWO_TOWERS =
            TinyTraining.CONFIG.toBuilder().batchSize(100).threads(2).build();

    private static final Dataset DATA =
            new Dataset("synthetic", SyntheticDigits.generate(1201, 7), SyntheticDigits.generate(300, 8));

    private static TrainingResult train(TrainingConfig config) {
        try (Trainer trainer = new Trainer(config, DATA)) {
            return trainer.train(TrainingListener.NONE);
        }
    }

    @Test
    void twoTowersSumTheGradientsOfOneBatch() {
        TrainingResult towers = train(TWO_TOWERS);
        TrainingResult whole = train(TWO_TOWERS.toBuilder().threads(1).build());
        assertFalse(towers.weights().sameBitsAs(whole.weights()), "the sums run in another order");
        double largest = 0;
        for (LeNetParameter p : LeNetParameter.all()) {
            float[] a = towers.weights().get(p);
            float[] b = whole.weights().get(p);
            for (int i = 0; i < a.length; i++) {
                largest = Math.max(largest, Math.abs(a[i] - b[i]));
            }
        }
        assertTrue(largest < 1e-3, "the same model to rounding: largest difference " + largest);
        assertEquals(
                whole.test().evaluation().accuracy(), towers.test().evaluation().accuracy(), 0.01);
        assertTrue(Double.isFinite(towers.epochs().get(1).meanLoss()), "a last batch of one image trains");
    }

    @Test
    void theSameTowersGiveTheSameBits() {
        assertTrue(train(TWO_TOWERS).weights().sameBitsAs(train(TWO_TOWERS).weights()));
    }
}
