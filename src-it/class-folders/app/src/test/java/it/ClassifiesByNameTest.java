package it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lenet.data.ImageConversion;
import dev.lenet.inference.LeNetClassifier;
import dev.lenet.contract.Prediction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ClassifiesByNameTest {

    @Test
    void returnsTheClassNames() throws Exception {
        Path test = Path.of(System.getProperty("shapes"), "test");
        try (LeNetClassifier model = LeNetClassifier.fromClasspath()) {
            assertEquals(List.of("circle", "cross", "square"), model.classes());
            int correct = 0;
            int total = 0;
            for (String name : model.classes()) {
                try (Stream<Path> files = Files.list(test.resolve(name))) {
                    for (Path file : files.sorted().toList()) {
                        Prediction p = model.classify(ImageConversion.read(file, true));
                        correct += p.label().equals(name) ? 1 : 0;
                        total++;
                    }
                }
            }
            System.out.println("consumer: " + test.resolve("cross/0000.png").getFileName() + " is a "
                    + model.classify(ImageConversion.read(test.resolve("cross/0000.png"), true)).label()
                    + "; by name " + correct + "/" + total);
            assertTrue(correct >= 0.8 * total, correct + "/" + total);
        }
    }
}
