package bench;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Blocks;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Adam;
import ai.djl.training.tracker.Tracker;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * LeNet-5 exactly as lenet-model builds it (28x28 padded to 32x32, 61,706 parameters, Glorot uniform, Adam,
 * softmax cross-entropy on logits) on DJL with the PyTorch engine, so bench/run compares like with like.
 * Args: DATA_DIR EPOCHS BATCH LR SEED THREADS. Prints "epoch N train_s=S test_acc=A" per epoch.
 */
public final class DjlLeNet5 {
    private DjlLeNet5() {}

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int epochs = Integer.parseInt(args[1]);
        int batch = Integer.parseInt(args[2]);
        float lr = Float.parseFloat(args[3]);
        long seed = Long.parseLong(args[4]);
        int threads = Integer.parseInt(args[5]);
        Engine engine = Engine.getEngine("PyTorch");
        JniUtils.setNumThreads(threads);
        Engine.getInstance().setRandomSeed((int) seed);
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray trainX = paddedImages(manager, dir.resolve("train-images-idx3-ubyte"));
            NDArray trainY = manager.create(labels(dir.resolve("train-labels-idx1-ubyte"))).toType(DataType.INT64, false);
            NDArray testX = paddedImages(manager, dir.resolve("t10k-images-idx3-ubyte"));
            int[] testY = labels(dir.resolve("t10k-labels-idx1-ubyte"));
            SequentialBlock net = new SequentialBlock()
                    .add(Conv2d.builder().setKernelShape(new Shape(5, 5)).setFilters(6).build())
                    .add(Activation::relu)
                    .add(Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2)))
                    .add(Conv2d.builder().setKernelShape(new Shape(5, 5)).setFilters(16).build())
                    .add(Activation::relu)
                    .add(Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2)))
                    .add(Blocks.batchFlattenBlock())
                    .add(Linear.builder().setUnits(120).build())
                    .add(Activation::relu)
                    .add(Linear.builder().setUnits(84).build())
                    .add(Activation::relu)
                    .add(Linear.builder().setUnits(10).build());
            try (Model model = Model.newInstance("lenet5", engine.getEngineName())) {
                model.setBlock(net);
                DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                        .optInitializer(new XavierInitializer(XavierInitializer.RandomType.UNIFORM,
                                XavierInitializer.FactorType.AVG, 3f), Parameter.Type.WEIGHT)
                        .optOptimizer(Adam.builder().optLearningRateTracker(Tracker.fixed(lr)).build());
                try (Trainer trainer = model.newTrainer(config)) {
                    trainer.initialize(new Shape(batch, 1, 32, 32));
                    long parameters = net.getParameters().values().stream().mapToLong(p -> p.getArray().size()).sum();
                    System.out.printf("djl %s, PyTorch %s, %d threads, %d parameters%n", Engine.getDjlVersion(),
                            engine.getVersion(), JniUtils.getNumThreads(), parameters);
                    int n = (int) trainX.getShape().get(0);
                    long[] order = new long[n];
                    for (int i = 0; i < n; i++) {
                        order[i] = i;
                    }
                    Random random = new Random(seed);
                    for (int epoch = 1; epoch <= epochs; epoch++) {
                        long started = System.nanoTime();
                        for (int i = n - 1; i > 0; i--) {
                            int j = random.nextInt(i + 1);
                            long t = order[i];
                            order[i] = order[j];
                            order[j] = t;
                        }
                        for (int s = 0; s < n; s += batch) {
                            try (NDManager step = manager.newSubManager()) {
                                NDArray index = step.create(java.util.Arrays.copyOfRange(order, s, Math.min(n, s + batch)));
                                NDArray x = trainX.get(index);
                                NDArray y = trainY.get(index);
                                x.attach(step);
                                y.attach(step);
                                try (GradientCollector collector = trainer.newGradientCollector()) {
                                    NDList predictions = trainer.forward(new NDList(x));
                                    collector.backward(trainer.getLoss().evaluate(new NDList(y), predictions));
                                }
                                trainer.step();
                            }
                        }
                        double seconds = (System.nanoTime() - started) / 1e9;
                        int correct = 0;
                        for (int s = 0; s < testY.length; s += 2000) {
                            try (NDManager step = manager.newSubManager()) {
                                NDArray x = testX.get(s + ":" + Math.min(testY.length, s + 2000));
                                x.attach(step);
                                long[] predicted = trainer.evaluate(new NDList(x)).singletonOrThrow().argMax(1).toLongArray();
                                for (int k = 0; k < predicted.length; k++) {
                                    correct += predicted[k] == testY[s + k] ? 1 : 0;
                                }
                            }
                        }
                        System.out.printf("epoch %d train_s=%.3f test_acc=%.4f%n", epoch, seconds, (double) correct / testY.length);
                    }
                }
            }
        }
    }

    private static byte[] idx(Path file, int dimensions) throws IOException {
        try (DataInputStream in = new DataInputStream(Files.newInputStream(file))) {
            in.readInt();
            long total = 1;
            for (int i = 0; i < dimensions; i++) {
                total *= in.readInt();
            }
            byte[] bytes = new byte[(int) total];
            in.readFully(bytes);
            return bytes;
        }
    }

    /** Scaled to [0,1] and padded by 2 on each side, as lenet-model does inside its graph. */
    private static NDArray paddedImages(NDManager manager, Path file) throws IOException {
        byte[] pixels = idx(file, 3);
        int count = pixels.length / 784;
        float[] padded = new float[count * 32 * 32];
        for (int i = 0; i < count; i++) {
            for (int r = 0; r < 28; r++) {
                for (int c = 0; c < 28; c++) {
                    padded[i * 1024 + (r + 2) * 32 + c + 2] = (pixels[i * 784 + r * 28 + c] & 0xff) / 255f;
                }
            }
        }
        return manager.create(padded, new Shape(count, 1, 32, 32));
    }

    private static int[] labels(Path file) throws IOException {
        byte[] bytes = idx(file, 1);
        int[] labels = new int[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            labels[i] = bytes[i] & 0xff;
        }
        return labels;
    }
}
