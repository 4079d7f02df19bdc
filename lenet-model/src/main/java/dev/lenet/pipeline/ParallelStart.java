package dev.lenet.pipeline;

import dev.lenet.LeNetException;
import dev.lenet.contract.Causes;
import dev.lenet.data.Dataset;
import dev.lenet.data.DatasetBudget;
import dev.lenet.data.DatasetReader;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.tensorflow.TensorFlow;

/**
 * A run's two slow starts at once: TensorFlow's native library loads on the calling thread (a quarter to half a second)
 * while another thread reads and checks the dataset (about a third of a second for MNIST). Neither needs the other, and a build
 * has at least two cores. Errors of either surface as they would one after the other: the native library's on this
 * thread, the dataset's unchanged from the reading thread. A process that starts before its work is known (a child JVM
 * started while the build decides whether to train) begins the native load earlier still.
 */
public final class ParallelStart {
    private static FutureTask<String> earlyLoad;

    private ParallelStart() {}

    /** Starts loading TensorFlow's native library on a thread of its own; a later run waits for it. */
    public static synchronized void beginLoadingTensorFlow() {
        if (earlyLoad == null) {
            earlyLoad = new FutureTask<>(TensorFlow::version);
            Thread loader = new Thread(earlyLoad, "lenet-tensorflow-load");
            loader.setDaemon(true);
            loader.start();
        }
    }

    /** TensorFlow's native library, loaded here or by the early load, whose error, if any, is this one's. */
    private static void loadTensorFlow() {
        FutureTask<String> early;
        synchronized (ParallelStart.class) {
            early = earlyLoad;
        }
        if (early == null) {
            TensorFlow.version();
            return;
        }
        try {
            early.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error cause) {
                throw cause;
            }
            throw new LeNetException("cannot load TensorFlow: " + Causes.describe(e.getCause()), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LeNetException("interrupted while TensorFlow loaded", e);
        }
    }

    static Dataset loadTensorFlowAndRead(Path dataset, DatasetBudget budget) {
        FutureTask<Dataset> reading = new FutureTask<>(() -> DatasetReader.read(dataset, budget));
        Thread reader = new Thread(reading, "lenet-dataset-read");
        reader.setDaemon(true);
        reader.start();
        loadTensorFlow();
        try {
            return reading.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error cause) {
                throw cause;
            }
            throw new LeNetException(
                    "cannot read the dataset " + dataset + ": " + Causes.describe(e.getCause()), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LeNetException("interrupted while reading the dataset " + dataset, e);
        }
    }
}
