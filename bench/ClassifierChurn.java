import dev.lenet.inference.LeNetClassifier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Opens a packaged model, classifies one image and closes it, many times, printing after every 100 rounds the process's
 * resident memory, its open file descriptors and the classifier's temporary directories left in java.io.tmpdir: flat
 * means nothing leaks. Run by bench/classifier-churn.
 */
public class ClassifierChurn {
    public static void main(String[] args) throws IOException {
        Path model = Path.of(args[0]);
        int rounds = Integer.parseInt(args[1]);
        byte[] image = new byte[28 * 28];
        for (int round = 1; round <= rounds; round++) {
            try (LeNetClassifier classifier = LeNetClassifier.open(model)) {
                classifier.classify(image);
            }
            if (round == 1 || round % 100 == 0) {
                System.out.printf("round %5d  resident %4d MiB  open files %4d  temporary model directories %d%n", round,
                        residentMiB(), count(Path.of("/proc/self/fd")), temporaryDirectories());
            }
        }
    }

    private static long residentMiB() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D+", "")) / 1024;
            }
        }
        return -1;
    }

    private static long count(Path directory) throws IOException {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.count();
        }
    }

    private static long temporaryDirectories() throws IOException {
        try (Stream<Path> entries = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return entries.filter(p -> p.getFileName().toString().startsWith("lenet-model-")).count();
        }
    }
}
