package it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lenet.data.Digits;
import dev.lenet.data.SyntheticDigits;
import dev.lenet.inference.LeNetClassifier;
import dev.lenet.contract.Prediction;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsumesTheAttachedModelTest {

    @Test
    void loadsTheModelFromTheClasspathAndClassifies() {
        Digits digits = SyntheticDigits.generate(200, 99);
        List<byte[]> images = new ArrayList<>();
        for (int i = 0; i < digits.count(); i++) {
            images.add(digits.image(i));
        }
        try (LeNetClassifier model = LeNetClassifier.fromClasspath()) {
            assertEquals(61706, model.card().parameters());
            List<Prediction> predictions = model.classifyAll(images);
            int correct = 0;
            for (int i = 0; i < digits.count(); i++) {
                if (predictions.get(i).index() == digits.label(i)) {
                    correct++;
                }
            }
            System.out.println("consumer accuracy " + correct + "/" + digits.count());
            assertTrue(correct >= 160, "the attached model classifies: " + correct + "/200");
        }
    }
}
