package dev.lenet.export;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.StringStringEntryProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import ai.onnx.proto.OnnxMl.Version;
import com.google.protobuf.ByteString;
import com.google.protobuf.CodedOutputStream;
import dev.lenet.Versions;
import dev.lenet.contract.ModelArtifact;
import dev.lenet.contract.ModelSignature;
import dev.lenet.model.LeNet5;
import dev.lenet.model.LeNetParameter;
import dev.lenet.training.TrainedWeights;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;

/**
 * Writes trained weights as an ONNX model ({@value ModelArtifact#ONNX}, opset {@value #OPSET}) with the SavedModel's
 * interface: input {@code image} (uint8 [N,28,28]), outputs {@code logits} and {@code probabilities} (float [N,K] for
 * K classes) and {@code class} (int64 [N]); the class names are metadata ({@value ModelSignature#ONNX_CLASS_COUNT},
 * {@value ModelSignature#ONNX_CLASS_NAME}0, ...).
 * The graph is LeNet5's forward pass in ONNX's NCHW layout: the convolution kernels are transposed from TensorFlow's
 * HWIO to OIHW, and the last pooled map goes back to HWC order before it is flattened, so C5's weights are used as
 * trained. Built from ONNX's own protobuf classes, serialized deterministically.
 */
public final class OnnxExport {
    public static final int OPSET = 13;

    private static final String BATCH = "batch";

    private final GraphProto.Builder graph = GraphProto.newBuilder().setName("lenet5");
    private final TrainedWeights weights;

    private OnnxExport(TrainedWeights weights) {
        this.weights = weights;
    }

    /** The model's bytes, with the class names as metadata; the same weights always give the same bytes. */
    public static byte[] bytes(TrainedWeights weights, boolean scaleInput, List<String> classes) {
        if (classes.size() != weights.classes()) {
            throw new IllegalArgumentException(classes.size() + " class names for " + weights.classes() + " classes");
        }
        OnnxExport export = new OnnxExport(weights);
        export.forward(scaleInput);
        ModelProto.Builder model = ModelProto.newBuilder()
                .setIrVersion(Version.IR_VERSION_2020_5_8_VALUE)
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET))
                .setProducerName("lenet-maven-plugin")
                .setProducerVersion(Versions.lenet())
                .setDocString("LeNet-5 for 28x28 greyscale digits (uint8, 0 = background)")
                .setGraph(export.graph)
                .addMetadataProps(metadata(ModelSignature.ONNX_CLASS_COUNT, Integer.toString(classes.size())));
        for (int i = 0; i < classes.size(); i++) {
            model.addMetadataProps(metadata(ModelSignature.ONNX_CLASS_NAME + i, classes.get(i)));
        }
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            CodedOutputStream out = CodedOutputStream.newInstance(bytes);
            out.useDeterministicSerialization();
            model.build().writeTo(out);
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
    }

    private void forward(boolean scaleInput) {
        graph.addInput(tensorInfo(
                ModelSignature.IMAGE, TensorProto.DataType.UINT8, ModelSignature.ROWS, ModelSignature.COLUMNS));
        String x = node(
                "Cast", "pixels", List.of(ModelSignature.IMAGE), intAttribute("to", TensorProto.DataType.FLOAT_VALUE));
        if (scaleInput) {
            x = node("Mul", "scaled", List.of(x, scalar("one_255th", 1f / 255f)));
        }
        x = node(
                "Reshape", "nchw", List.of(x, shape("nchw_shape", -1, 1, ModelSignature.ROWS, ModelSignature.COLUMNS)));
        x = convReluPool("c1", x, LeNetParameter.C1_W, LeNetParameter.C1_B, 2);
        x = convReluPool("c3", x, LeNetParameter.C3_W, LeNetParameter.C3_B, 0);
        x = node("Transpose", "nhwc", List.of(x), intsAttribute("perm", 0, 2, 3, 1));
        x = node("Reshape", "flat", List.of(x, shape("flat_shape", -1, 400)));
        x = node("Relu", "c5", List.of(dense(x, LeNetParameter.C5_W, LeNetParameter.C5_B)));
        x = node("Relu", "f6", List.of(dense(x, LeNetParameter.F6_W, LeNetParameter.F6_B)));
        String logits = node("Identity", LeNet5.LOGITS, List.of(dense(x, LeNetParameter.OUT_W, LeNetParameter.OUT_B)));
        node("Softmax", ModelSignature.PROBABILITIES, List.of(logits), intAttribute("axis", 1));
        node("ArgMax", LeNet5.CLASS, List.of(logits), intAttribute("axis", 1), intAttribute("keepdims", 0));
        graph.addOutput(tensorInfo(LeNet5.LOGITS, TensorProto.DataType.FLOAT, weights.classes()));
        graph.addOutput(tensorInfo(ModelSignature.PROBABILITIES, TensorProto.DataType.FLOAT, weights.classes()));
        graph.addOutput(tensorInfo(LeNet5.CLASS, TensorProto.DataType.INT64));
    }

    /** Convolution with bias, ReLU, max-pool 2x2/2: the SavedModel's order of pool, bias and ReLU gives the same values. */
    private String convReluPool(String name, String x, LeNetParameter kernel, LeNetParameter bias, int padding) {
        long[] hwio = dimensions(kernel);
        String conv = node(
                "Conv",
                name,
                List.of(
                        x,
                        initializer(kernel, oihw(weights.get(kernel), hwio), hwio[3], hwio[2], hwio[0], hwio[1]),
                        initializer(bias, weights.get(bias), dimensions(bias))),
                intsAttribute("kernel_shape", hwio[0], hwio[1]),
                intsAttribute("pads", padding, padding, padding, padding));
        String relu = node("Relu", name + "_relu", List.of(conv));
        return node(
                "MaxPool",
                name + "_pool",
                List.of(relu),
                intsAttribute("kernel_shape", 2, 2),
                intsAttribute("strides", 2, 2));
    }

    private String dense(String x, LeNetParameter matrix, LeNetParameter bias) {
        return node(
                "Gemm",
                matrix.variableName().replace("_w", "_dense"),
                List.of(
                        x,
                        initializer(matrix, weights.get(matrix), dimensions(matrix)),
                        initializer(bias, weights.get(bias), dimensions(bias))));
    }

    /** The parameter's dimensions in this model (the output layer's depend on the number of classes). */
    private long[] dimensions(LeNetParameter parameter) {
        return parameter.shape(weights.classes()).asArray();
    }

    /** TensorFlow's [height][width][in][out] kernel as ONNX's [out][in][height][width]. */
    static float[] oihw(float[] hwio, long[] shape) {
        int height = (int) shape[0];
        int width = (int) shape[1];
        int in = (int) shape[2];
        int out = (int) shape[3];
        float[] result = new float[hwio.length];
        for (int h = 0; h < height; h++) {
            for (int w = 0; w < width; w++) {
                for (int i = 0; i < in; i++) {
                    for (int o = 0; o < out; o++) {
                        result[((o * in + i) * height + h) * width + w] = hwio[((h * width + w) * in + i) * out + o];
                    }
                }
            }
        }
        return result;
    }

    private String node(String op, String output, List<String> inputs, AttributeProto... attributes) {
        graph.addNode(NodeProto.newBuilder()
                .setOpType(op)
                .setName(output)
                .addAllInput(inputs)
                .addOutput(output)
                .addAllAttribute(List.of(attributes)));
        return output;
    }

    private String initializer(LeNetParameter parameter, float[] values, long... dims) {
        ByteBuffer raw = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        raw.asFloatBuffer().put(values);
        graph.addInitializer(TensorProto.newBuilder()
                .setName(parameter.variableName())
                .setDataType(TensorProto.DataType.FLOAT_VALUE)
                .addAllDims(longs(dims))
                .setRawData(ByteString.copyFrom(raw)));
        return parameter.variableName();
    }

    private String scalar(String name, float value) {
        graph.addInitializer(TensorProto.newBuilder()
                .setName(name)
                .setDataType(TensorProto.DataType.FLOAT_VALUE)
                .addFloatData(value));
        return name;
    }

    private String shape(String name, long... dims) {
        graph.addInitializer(TensorProto.newBuilder()
                .setName(name)
                .setDataType(TensorProto.DataType.INT64_VALUE)
                .addDims(dims.length)
                .addAllInt64Data(longs(dims)));
        return name;
    }

    /** A tensor of the given element type and shape [batch, dims...]. */
    private static ValueInfoProto tensorInfo(String name, TensorProto.DataType type, long... dims) {
        TensorShapeProto.Builder shape = TensorShapeProto.newBuilder()
                .addDim(TensorShapeProto.Dimension.newBuilder().setDimParam(BATCH));
        for (long dim : dims) {
            shape.addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(dim));
        }
        return ValueInfoProto.newBuilder()
                .setName(name)
                .setType(TypeProto.newBuilder()
                        .setTensorType(TypeProto.Tensor.newBuilder()
                                .setElemType(type.getNumber())
                                .setShape(shape)))
                .build();
    }

    private static StringStringEntryProto metadata(String key, String value) {
        return StringStringEntryProto.newBuilder().setKey(key).setValue(value).build();
    }

    private static AttributeProto intAttribute(String name, long value) {
        return AttributeProto.newBuilder()
                .setName(name)
                .setType(AttributeProto.AttributeType.INT)
                .setI(value)
                .build();
    }

    private static AttributeProto intsAttribute(String name, long... values) {
        return AttributeProto.newBuilder()
                .setName(name)
                .setType(AttributeProto.AttributeType.INTS)
                .addAllInts(longs(values))
                .build();
    }

    private static List<Long> longs(long... values) {
        return Arrays.stream(values).boxed().toList();
    }
}
