package dev.lenet.training;

import dev.lenet.InvalidParameterException;
import dev.lenet.inference.NativePlatform;
import org.tensorflow.DeviceSpec;
import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.proto.GPUOptions;
import org.tensorflow.proto.GraphOptions;
import org.tensorflow.proto.OptimizerOptions;
import org.tensorflow.proto.RewriterConfig;

/**
 * The device training runs on, and why.
 *
 * @param gpu true when the GPU trains the model
 * @param reason why this device: the request, or why a GPU was not used
 */
public record DeviceChoice(boolean gpu, String reason) {
    /**
     * Benchmark hooks, not configuration: bench/tuning measures what these settings do (see the README's performance
     * section); the defaults are what measured fastest here.
     */
    static final String XLA_PROPERTY = "lenet.bench.xla";

    static final String BFLOAT16_PROPERTY = "lenet.bench.bfloat16";

    private static final String GPU_NATIVE =
            "org/tensorflow/internal/c_api/" + NativePlatform.GPU_CLASSIFIER + "/LICENSE";

    public String device() {
        return gpu ? "gpu" : "cpu";
    }

    /** One line for the log: which device trains, and why. */
    public String describe() {
        return "Training on the " + (gpu ? "GPU" : "CPU") + " (" + reason + ")";
    }

    /** Decides where {@code requested} trains, probing TensorFlow for a GPU unless the CPU was asked for. */
    public static DeviceChoice choose(Device requested) {
        if (requested == Device.CPU) {
            return new DeviceChoice(false, "device cpu was requested");
        }
        String noGpu = whyNoGpu();
        if (noGpu == null) {
            return new DeviceChoice(true, "device " + requested.text() + ", TensorFlow sees a GPU");
        }
        if (requested == Device.GPU) {
            throw new InvalidParameterException(
                    "device", "gpu", noGpu + "; use device auto or cpu to train on the CPU");
        }
        return new DeviceChoice(false, "device auto, no GPU: " + noGpu);
    }

    /** Session settings for this device: fixed thread counts (they decide the bits), GPU memory grown on demand. */
    ConfigProto sessionConfig(int intraOpThreads, int interOpThreads) {
        ConfigProto.Builder config = ConfigProto.newBuilder()
                .setIntraOpParallelismThreads(intraOpThreads)
                .setInterOpParallelismThreads(interOpThreads)
                .setAllowSoftPlacement(true);
        GraphOptions.Builder graphOptions = GraphOptions.newBuilder();
        if (Boolean.getBoolean(XLA_PROPERTY)) {
            graphOptions.setOptimizerOptions(
                    OptimizerOptions.newBuilder().setGlobalJitLevel(OptimizerOptions.GlobalJitLevel.ON_1));
        }
        if (Boolean.getBoolean(BFLOAT16_PROPERTY)) {
            graphOptions.setRewriteOptions(
                    RewriterConfig.newBuilder().setAutoMixedPrecisionOnednnBfloat16(RewriterConfig.Toggle.ON));
        }
        config.setGraphOptions(graphOptions);
        if (gpu) {
            config.setGpuOptions(GPUOptions.newBuilder().setAllowGrowth(true));
        } else {
            config.putDeviceCount("GPU", 0);
        }
        return config.build();
    }

    private static String whyNoGpu() {
        if (DeviceChoice.class.getClassLoader().getResource(GPU_NATIVE) == null) {
            return "the TensorFlow native library on the classpath is the CPU build"
                    + " (tensorflow-core-native:linux-x86_64); a GPU needs the linux-x86_64-gpu build";
        }
        try (Graph graph = new Graph()) {
            Ops tf = Ops.create(graph);
            Ops onGpu = tf.withDevice(DeviceSpec.newBuilder()
                    .deviceType(DeviceSpec.DeviceType.GPU)
                    .deviceIndex(0)
                    .build());
            onGpu.withName("gpu_probe").identity(tf.constant(1f));
            ConfigProto strict = ConfigProto.newBuilder()
                    .setAllowSoftPlacement(false)
                    .setGpuOptions(GPUOptions.newBuilder().setAllowGrowth(true))
                    .build();
            try (Session session = new Session(graph, strict)) {
                session.runner().addTarget("gpu_probe").run().close();
                return null;
            }
        } catch (RuntimeException e) {
            // TensorFlow Java maps status codes to several types: a probe placed on a GPU that is not there fails
            // with TFInvalidArgumentException, an IllegalArgumentException, not a TensorFlowException
            return "the GPU build of TensorFlow found no usable GPU (CUDA 12 and cuDNN 9 are needed): "
                    + e.getMessage().lines().findFirst().orElse("");
        }
    }
}
