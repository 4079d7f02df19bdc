import dev.lenet.inference.LeNetClassifier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.SessionFunction;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TUint8;

/**
 * What a call to the classifier costs: LeNetClassifier (a frozen model runs as a TensorFlow function through the C
 * API) side by side with a plain TensorFlow session over the same SavedModel (what LeNetClassifier used until 30
 * Nov): one image a call on one thread and on four, and 10,000 images in one call. Alternating rounds after one to
 * warm up; prints milliseconds per call and the ratio function/session. Run by bench/classifier-calls.
 */
public class ClassifierCalls {
    public static void main(String[] args) throws Exception {
        Path savedModel = Path.of(args[0]);
        int rounds = Integer.parseInt(args[1]);
        byte[] one = new byte[784];
        byte[] tenThousand = new byte[784 * 10_000];
        for (int i = 0; i < tenThousand.length; i++) {
            tenThousand[i] = (byte) (i * 31);
        }
        try (LeNetClassifier classifier = LeNetClassifier.open(savedModel);
                SavedModelBundle bundle = SavedModelBundle.load(savedModel.toString(), "serve")) {
            SessionFunction serve = bundle.function("serving_default");
            Consumer<byte[]> function = pixels -> classifier.classifyAll(split(pixels));
            Consumer<byte[]> session = pixels -> sessionCall(serve, pixels);
            String[] cases = {"1 image a call, 1 thread", "1 image a call, 4 threads", "10,000 images in one call"};
            double[][] sums = new double[cases.length][2];
            for (int round = 0; round <= rounds; round++) {
                for (int runner = 0; runner < 2; runner++) {
                    Consumer<byte[]> call = runner == 0 ? function : session;
                    double[] ms = {
                        perCall(() -> call.accept(one), 2000, 1), perCall(() -> call.accept(one), 2000, 4),
                        perCall(() -> call.accept(tenThousand), 5, 1)
                    };
                    if (round > 0) { // round 0 warms both up
                        for (int c = 0; c < cases.length; c++) {
                            sums[c][runner] += ms[c];
                        }
                    }
                }
            }
            for (int c = 0; c < cases.length; c++) {
                double f = sums[c][0] / rounds, s = sums[c][1] / rounds;
                System.out.printf("%-27s function %8.3f ms  session %8.3f ms  ratio %.2f%n", cases[c], f, s, f / s);
            }
            System.out.printf("resident memory at the end: %d MiB%n", residentMiB());
        }
    }

    private static List<byte[]> split(byte[] pixels) {
        List<byte[]> images = new ArrayList<>();
        for (int i = 0; i < pixels.length; i += 784) {
            images.add(java.util.Arrays.copyOfRange(pixels, i, i + 784));
        }
        return images;
    }

    private static void sessionCall(SessionFunction serve, byte[] pixels) {
        float[] out = new float[pixels.length / 784 * 10];
        try (TUint8 input = TUint8.tensorOf(Shape.of(pixels.length / 784, 28, 28), DataBuffers.of(pixels, true, false));
                Result result = serve.call(Map.of("image", input))) {
            ((TFloat32) result.get("probabilities").orElseThrow()).copyTo(DataBuffers.of(out, false, false));
        }
    }

    /** Milliseconds per call, with {@code calls} calls spread over {@code threads} threads. */
    private static double perCall(Runnable call, int calls, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long start = System.nanoTime();
            List<Future<?>> running = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                running.add(pool.submit(() -> {
                    for (int i = 0; i < calls / threads; i++) {
                        call.run();
                    }
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
            return (System.nanoTime() - start) / 1e6 / calls;
        } finally {
            pool.shutdown();
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
}
