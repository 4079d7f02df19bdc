package dev.lenet.inference;

import java.nio.file.Path;

/** A consumer in a JVM of its own: opens the model given, classifies a blank image, prints the class name. */
public class ClassifyAndPrint {
    public static void main(String[] args) {
        try (LeNetClassifier model = LeNetClassifier.open(Path.of(args[0]))) {
            System.out.println("class " + model.classify(new byte[784]).label());
        }
    }
}
