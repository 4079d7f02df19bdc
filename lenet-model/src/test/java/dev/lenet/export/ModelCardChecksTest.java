package dev.lenet.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lenet.contract.CardSummary;
import dev.lenet.evaluation.Calibration;
import dev.lenet.evaluation.Robustness;
import dev.lenet.evaluation.SetResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The further checks' figures in the card, JSON and Markdown, and only where they were measured. */
class ModelCardChecksTest {
    private static ModelCard card() {
        return new ModelCard(
                CardSummary.FORMAT,
                "LeNet-5",
                61706,
                List.of("0", "1"),
                0.95,
                950,
                1000,
                4000,
                new double[] {0.96, 0.94},
                new long[][] {{480, 20}, {30, 470}},
                Map.of(),
                List.of(),
                new ModelCard.Stopping(0, "val_loss", 0, 0, null, false, 2, "completed 2 epochs"),
                new ModelCard.DatasetDigest("a", "b", "c", "d"),
                "cpu",
                "2.18.0",
                "1.0.0",
                new ModelCard.Signature("serve", "serving_default", "predict", "image", new String[] {"class"}),
                new Calibration(0.0123, List.of()),
                List.of(),
                List.of(),
                null);
    }

    @Test
    void checksThatDidNotRunLeaveNoTrace() {
        ModelCard plain = card();
        assertFalse(plain.toJson().contains("robustness"), plain.toJson());
        assertFalse(plain.toJson().contains("evaluationSets"));
        assertTrue(plain.toMarkdown().contains("Expected calibration error 0.0123 over 15 bins of confidence."));
        assertFalse(plain.toMarkdown().contains("## Robustness"));
        assertEquals(List.of(), ModelCard.fromJson(plain.toJson()).robustness(), "read back as none");
    }

    @Test
    void measuredChecksAreInTheJsonAndTheMarkdown() {
        ModelCard checked = card().withChecks(
                        new Calibration(0.0123, List.of()),
                        List.of(new Robustness.Result("shift", "moved | 3 pixels", 0.6931, 6931, 10000)),
                        List.of(new SetResult("field", "/data/field", 0.88, 88, 100, new double[] {0.9, 0.86})));
        String markdown = checked.toMarkdown();
        assertTrue(markdown.contains("| shift | moved \\| 3 pixels | 0.6931 |"), markdown);
        assertTrue(markdown.contains("| field | 100 | 0.8800 |"), markdown);
        ModelCard read = ModelCard.fromJson(checked.toJson());
        assertEquals(checked.robustness(), read.robustness());
        assertEquals(0.88, read.evaluationSets().get(0).accuracy());
        assertEquals(0.0123, read.figures().calibration().expectedError());
    }
}
